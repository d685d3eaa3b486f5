global using System.Net;
global using PluginApis.Emulator;
global using PluginApis.Http;
global using Xunit;

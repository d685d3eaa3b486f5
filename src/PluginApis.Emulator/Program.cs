var app = WebApplication.CreateBuilder(args).Build();
app.MapGet("/", () => "PluginApis emulator");
app.Run();

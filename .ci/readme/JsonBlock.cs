using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Configuration;

namespace ReadmeSnippets;

/// <summary>A <c>json</c> block: strict JSON that also loads as configuration (as an appsettings.json would).</summary>
internal abstract class JsonBlock : ReadmeBlock
{
    /// <summary>The block's text.</summary>
    protected abstract string Json { get; }

    public override Task<string> CheckAsync()
    {
        using (JsonDocument.Parse(Json))
        {
        }

        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();
        var settings = configuration.AsEnumerable().Count(pair => pair.Value is not null);
        return Task.FromResult($"valid JSON, {settings} configuration values");
    }
}

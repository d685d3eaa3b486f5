namespace PluginTests.Client.Tests;

/// <summary>The open-ended error code: value equality, unknown codes kept, empty default.</summary>
public sealed class PluginTestsErrorCodeTests
{
    [Fact]
    public void Codes_compare_by_value_ignoring_case()
    {
        Assert.Equal(PluginTestsErrorCode.PluginNotFound, new PluginTestsErrorCode("plugin_not_found"));
        Assert.True(PluginTestsErrorCode.PluginNotFound == "PLUGIN_NOT_FOUND");
        Assert.Equal(PluginTestsErrorCode.PluginNotFound.GetHashCode(), new PluginTestsErrorCode("Plugin_Not_Found").GetHashCode());
        Assert.True(PluginTestsErrorCode.PluginNotFound != PluginTestsErrorCode.ReportNotFound);
        Assert.False(PluginTestsErrorCode.PluginNotFound.Equals((object)"plugin_not_found"));
    }

    [Fact]
    public void Unknown_code_is_kept_as_its_value()
    {
        var code = PluginTestsErrorCode.FromString("brand_new_code");
        Assert.Equal("brand_new_code", code.Value);
        Assert.Equal("brand_new_code", code.ToString());
        Assert.False(code.IsEmpty);
    }

    [Fact]
    public void Default_is_empty()
    {
        PluginTestsErrorCode code = default;
        Assert.True(code.IsEmpty);
        Assert.Equal(string.Empty, code.Value);
        Assert.Equal(string.Empty, code.ToString());
        Assert.NotEqual(PluginTestsErrorCode.PluginNotFound, code);
    }

    [Fact]
    public void Known_codes_have_the_service_values()
    {
        Assert.Equal("plugin_not_found", PluginTestsErrorCode.PluginNotFound.Value);
        Assert.Equal("report_not_found", PluginTestsErrorCode.ReportNotFound.Value);
        Assert.Equal("webhook_not_found", PluginTestsErrorCode.WebhookNotFound.Value);
        Assert.Equal("invalid_api_key", PluginTestsErrorCode.InvalidApiKey.Value);
        Assert.Equal("forbidden", PluginTestsErrorCode.Forbidden.Value);
        Assert.Equal("validation_error", PluginTestsErrorCode.ValidationError.Value);
    }

    [Fact]
    public void Null_is_refused()
    {
        Assert.Throws<ArgumentNullException>(() => new PluginTestsErrorCode(null!));
    }

    [Theory]
    [InlineData("""{"error":{"message":"Plugin not found.","code":"plugin_not_found"}}""", "plugin_not_found", "Plugin not found.")]
    [InlineData("""{"error":"Something broke."}""", null, "Something broke.")]
    [InlineData("""{"message":"Top level.","code":"top_level"}""", "top_level", "Top level.")]
    [InlineData("""{"error":{"code":404}}""", "404", null)]
    [InlineData("""[1,2]""", null, null)]
    [InlineData("""<html>502</html>""", null, null)]
    [InlineData("""{"error":{"message":"cut""", null, null)]
    [InlineData("", null, null)]
    [InlineData(null, null, null)]
    public void Error_bodies_are_read_defensively(string? body, string? code, string? message)
    {
        var info = PluginTestsService.ParseError(body);
        Assert.Equal(code, info.Code);
        Assert.Equal(message, info.Message);
    }
}

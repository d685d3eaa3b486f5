using WunderUpdates.Client;

namespace PluginApis.Cli.Tests;

public sealed class ParserTests
{
    [Theory]
    [InlineData("90s", 90)]
    [InlineData("30m", 1800)]
    [InlineData("1h30m", 5400)]
    [InlineData("2h", 7200)]
    [InlineData("00:00:45", 45)]
    public void Durations_are_read_in_units_or_as_a_time_span(string text, int seconds)
    {
        Assert.True(DurationParser.TryParse(text, out var duration));
        Assert.Equal(TimeSpan.FromSeconds(seconds), duration);
    }

    [Theory]
    [InlineData("")]
    [InlineData("30")]
    [InlineData("m")]
    [InlineData("5x")]
    [InlineData("0s")]
    [InlineData("-5m")]
    [InlineData("99999999999h")]
    public void Bad_durations_are_refused(string text) => Assert.False(DurationParser.TryParse(text, out _));

    [Fact]
    public void Licences_are_read_from_their_wire_names()
    {
        Assert.True(LicenseParser.TryParse("static-keys", out var keys, out _));
        Assert.Equal(LicenseType.StaticKeys, keys!.Type);
        Assert.True(LicenseParser.TryParse("no-license", out var none, out _));
        Assert.Equal(LicenseType.NoLicense, none!.Type);
        Assert.True(LicenseParser.TryParse("lemonsqueezy:12,34", out var lemon, out _));
        Assert.Equal([12L, 34L], lemon!.Products);
    }

    [Theory]
    [InlineData("gpl")]
    [InlineData("lemonsqueezy:")]
    [InlineData("lemonsqueezy:abc")]
    [InlineData("lemonsqueezy:-1")]
    public void Bad_licences_are_refused_with_a_reason(string text)
    {
        Assert.False(LicenseParser.TryParse(text, out _, out var error));
        Assert.False(string.IsNullOrEmpty(error));
    }
}

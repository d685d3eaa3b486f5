using System.Globalization;
using System.Text.Json;
using WunderUpdates.Client.Serialization;
using Xunit;

namespace WunderUpdates.Client.Tests.Models;

/// <summary>
/// A token's <c>expires</c> (form undocumented): -1 and other non-positive numbers → never; 1..99,999 → days; larger → Unix
/// time (seconds, milliseconds from 10^11 on); "never" → never; ISO 8601 → a point in time; null, false, "" → not stated.
/// </summary>
public class ApiTokenExpiryTests
{
    [Theory]
    [InlineData("-1", "never")]
    [InlineData("\"-1\"", "never")]
    [InlineData("0", "never")]
    [InlineData("\"never\"", "never")]
    [InlineData("\"Never\"", "never")]
    [InlineData("1", "1 days")]
    [InlineData("30", "30 days")]
    [InlineData("\"365\"", "365 days")]
    [InlineData("30.0", "30 days")]
    [InlineData("99999", "99999 days")]
    [InlineData("100000", "1970-01-02T03:46:40.0000000+00:00")]
    [InlineData("1793527200", "2026-11-01T10:00:00.0000000+00:00")]
    [InlineData("\"1793527200\"", "2026-11-01T10:00:00.0000000+00:00")]
    [InlineData("1793527200000", "2026-11-01T10:00:00.0000000+00:00")]
    [InlineData("\"2026-12-31\"", "2026-12-31T00:00:00.0000000+00:00")]
    [InlineData("\"2026-11-01T10:00:00Z\"", "2026-11-01T10:00:00.0000000+00:00")]
    [InlineData("\"2026-11-01 12:00:00+02:00\"", "2026-11-01T12:00:00.0000000+02:00")]
    public void Reads_every_form(string json, string expected) =>
        Assert.Equal(expected, Read(json)!.ToString());

    [Theory]
    [InlineData("null")]
    [InlineData("false")]
    [InlineData("\"\"")]
    [InlineData("\"  \"")]
    public void None_is_not_stated(string json) => Assert.Null(Read(json));

    [Fact]
    public void A_missing_expiry_is_not_stated() =>
        Assert.Null(Assert.Single(ReadTokens("{'status':200,'tokens':[{'name':'ci'}]}")).Expires);

    [Theory]
    [InlineData("1.5")]
    [InlineData("\"soon\"")]
    [InlineData("\"31/12/2026\"")]
    [InlineData("1e300")]
    [InlineData("true")]
    [InlineData("{}")]
    [InlineData("[30]")]
    public void Unreadable_values_fail(string json) => Assert.Throws<JsonException>(() => Read(json));

    [Fact]
    public void The_kinds_are_exclusive_and_compare_by_value()
    {
        var at = ApiTokenExpiry.At(new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero));
        Assert.Equal((true, null, null), (ApiTokenExpiry.Never.IsNever, ApiTokenExpiry.Never.ExpiresAt, ApiTokenExpiry.Never.Days));
        Assert.Equal((false, (DateTimeOffset?)new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero), null), (at.IsNever, at.ExpiresAt, at.Days));
        Assert.Equal((false, null, 30), (ApiTokenExpiry.AfterDays(30).IsNever, ApiTokenExpiry.AfterDays(30).ExpiresAt, ApiTokenExpiry.AfterDays(30).Days));
        Assert.Equal(ApiTokenExpiry.AfterDays(30), ApiTokenExpiry.AfterDays(30));
        Assert.True(ApiTokenExpiry.AfterDays(30) == ApiTokenExpiry.AfterDays(30));
        Assert.NotEqual(ApiTokenExpiry.AfterDays(30), ApiTokenExpiry.AfterDays(31));
        Assert.NotEqual(ApiTokenExpiry.Never, at);
        Assert.Throws<ArgumentOutOfRangeException>(() => ApiTokenExpiry.AfterDays(0));
    }

    [Theory]
    [InlineData("-1", "-1")]
    [InlineData("30", "30")]
    [InlineData("1793527200", "\"2026-11-01T10:00:00+00:00\"")]
    public void Written_forms_read_back_the_same(string json, string written)
    {
        var expiry = Read(json);
        var text = JsonSerializer.Serialize(expiry);
        Assert.Equal(written, text);
        Assert.Equal(expiry, Read(text));
    }

    [Fact]
    public void A_token_list_reads_each_form_through_the_client_context()
    {
        var tokens = ReadTokens("{'status':200,'tokens':[{'name':'a','expires':-1},{'name':'b','expires':30},{'name':'c','expires':'2026-12-31'},{'name':'d','expires':null}]}");
        Assert.Equal(["never", "30 days", "2026-12-31T00:00:00.0000000+00:00", null], tokens.Select(t => t.Expires?.ToString()));
    }

    private static ApiTokenExpiry? Read(string json) => JsonSerializer.Deserialize<ApiTokenExpiry?>(json);

    private static List<ApiToken> ReadTokens(string singleQuoted) =>
        JsonSerializer.Deserialize(singleQuoted.Replace('\'', '"'), WunderUpdatesJsonContext.Default.TokenListEnvelope)!.Tokens!;

    [Fact]
    public void The_day_limit_is_far_below_any_plausible_unix_time() =>
        Assert.True(DateTimeOffset.FromUnixTimeSeconds(ApiTokenExpiryJsonConverter.MaxDays) < new DateTimeOffset(1970, 1, 3, 0, 0, 0, TimeSpan.Zero),
            DateTimeOffset.FromUnixTimeSeconds(ApiTokenExpiryJsonConverter.MaxDays).ToString(CultureInfo.InvariantCulture));
}

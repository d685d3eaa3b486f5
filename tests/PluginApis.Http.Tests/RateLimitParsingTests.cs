namespace PluginApis.Http.Tests;

public class RateLimitParsingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);

    private static RateLimitInfo Parse(params (string Name, string Value)[] headers) =>
        RateLimitInfo.Parse(headers.Select(h => new KeyValuePair<string, string>(h.Name, h.Value)), Now);

    [Fact]
    public void Documented_example_is_read_with_limit_policy_remaining_and_reset()
    {
        var info = Parse(("RateLimit-Limit", "200, 200;w=3600"), ("Ratelimit-Remaining", "198"), ("Ratelimit-Reset", "1715"));

        Assert.Equal(200, info.Limit);
        Assert.Equal(198, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1715), info.Reset);
        Assert.Equal([new RateLimitPolicy(200, TimeSpan.FromHours(1))], info.Policies);
        Assert.Equal(Now.AddSeconds(1715), info.ResetsAt);
    }

    [Fact]
    public void Several_policies_are_kept_in_order()
    {
        var info = Parse(("ratelimit-limit", "10, 10;w=1, 50;w=60"));

        Assert.Equal(10, info.Limit);
        Assert.Equal([new RateLimitPolicy(10, TimeSpan.FromSeconds(1)), new RateLimitPolicy(50, TimeSpan.FromSeconds(60))], info.Policies);
    }

    [Theory]
    [InlineData("RATELIMIT-REMAINING")]
    [InlineData("ratelimit-remaining")]
    [InlineData("RateLimit-Remaining")]
    public void Header_names_are_case_insensitive(string name) => Assert.Equal(7, Parse((name, "7")).Remaining);

    [Fact]
    public void Draft_08_policy_and_ratelimit_fields_are_read()
    {
        var info = Parse(("RateLimit-Policy", "\"default\";q=100;w=10"), ("RateLimit", "\"default\";r=50;t=30"));

        Assert.Equal(100, info.Limit);
        Assert.Equal(50, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(30), info.Reset);
        Assert.Equal([new RateLimitPolicy(100, TimeSpan.FromSeconds(10))], info.Policies);
    }

    [Fact]
    public void Draft_08_with_several_limits_takes_the_tightest()
    {
        var info = Parse(("RateLimit", "\"hour\";r=900;t=3000, \"second\";r=2;t=1"));

        Assert.Equal(2, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(1), info.Reset);
    }

    [Fact]
    public void Draft_07_dictionary_form_is_read()
    {
        var info = Parse(("RateLimit", "limit=100, remaining=50, reset=5"));

        Assert.Equal(100, info.Limit);
        Assert.Equal(50, info.Remaining);
        Assert.Equal(TimeSpan.FromSeconds(5), info.Reset);
    }

    [Fact]
    public void Retry_after_in_seconds()
    {
        Assert.Equal(TimeSpan.FromSeconds(120), Parse(("Retry-After", "120")).RetryAfter);
    }

    [Fact]
    public void Retry_after_as_http_date_is_relative_to_the_receive_time()
    {
        var info = Parse(("Retry-After", Now.AddSeconds(90).ToString("r")));

        Assert.Equal(TimeSpan.FromSeconds(90), info.RetryAfter);
    }

    [Fact]
    public void Retry_after_date_in_the_past_means_now()
    {
        Assert.Equal(TimeSpan.Zero, Parse(("Retry-After", Now.AddHours(-1).ToString("r"))).RetryAfter);
    }

    [Theory]
    [InlineData("RateLimit-Limit", "abc")]
    [InlineData("RateLimit-Limit", ";;;,,,=")]
    [InlineData("RateLimit-Limit", "-5, -5;w=-1")]
    [InlineData("Ratelimit-Remaining", "1e9")]
    [InlineData("Ratelimit-Remaining", "99999999999999999999999")]
    [InlineData("Ratelimit-Reset", "soon")]
    [InlineData("Retry-After", "tomorrow")]
    [InlineData("Retry-After", "-3")]
    [InlineData("RateLimit", "r=;t=")]
    [InlineData("RateLimit-Policy", "q=abc;w=")]
    public void Garbage_values_are_ignored(string name, string value)
    {
        var info = Parse((name, value));

        Assert.Null(info.Limit);
        Assert.Null(info.Reset);
        Assert.Null(info.RetryAfter);
        Assert.Empty(info.Policies);
    }

    [Fact]
    public void Absurd_reset_is_clamped_so_reset_time_never_overflows()
    {
        var info = Parse(("Ratelimit-Reset", "999999999999999"), ("Retry-After", "999999999999999"));

        Assert.Equal(TimeSpan.FromDays(365), info.Reset);
        Assert.Equal(TimeSpan.FromDays(365), info.RetryAfter);
        Assert.NotNull(info.ResetsAt);
    }

    [Fact]
    public void Response_headers_are_read_through_the_typed_overload()
    {
        using var response = new HttpResponseMessage();
        response.Headers.TryAddWithoutValidation("RateLimit-Limit", "60, 60;w=60");
        response.Headers.TryAddWithoutValidation("Ratelimit-Remaining", "0");
        response.Headers.TryAddWithoutValidation("Ratelimit-Reset", "12");

        var info = RateLimitInfo.Parse(response.Headers, Now);

        Assert.Equal((60, 0, TimeSpan.FromSeconds(12)), (info.Limit!.Value, info.Remaining!.Value, info.Reset!.Value));
    }

    [Fact]
    public void No_headers_gives_an_empty_info()
    {
        Assert.True(Parse(("Content-Type", "application/json")).IsEmpty);
    }

    [Fact]
    public void A_repeated_limit_header_reuses_its_parse_and_a_changed_one_is_parsed_again()
    {
        var first = Parse(("RateLimit-Limit", "300, 300;w=60"), ("Ratelimit-Remaining", "10"));
        var repeated = Parse(("RateLimit-Limit", "300, 300;w=60"), ("Ratelimit-Remaining", "9"));
        var changed = Parse(("RateLimit-Limit", "400, 400;w=30"), ("Ratelimit-Remaining", "8"));
        var back = Parse(("RateLimit-Limit", "300, 300;w=60"));

        Assert.Same(first.Policies, repeated.Policies);
        Assert.Equal(9, repeated.Remaining);
        Assert.Equal(400, changed.Limit);
        Assert.Equal([new RateLimitPolicy(400, TimeSpan.FromSeconds(30))], changed.Policies);
        Assert.Equal(300, back.Limit);
        Assert.Equal([new RateLimitPolicy(300, TimeSpan.FromSeconds(60))], back.Policies);
    }

    [Fact]
    public void Policies_cannot_be_changed_through_a_cast()
    {
        var info = Parse(("RateLimit-Limit", "500, 500;w=60"));
        var other = Parse(("RateLimit-Limit", "500, 500;w=60"), ("RateLimit-Policy", "\"d\";q=5;w=1"));

        foreach (var policies in new[] { info.Policies, other.Policies, Parse(("RateLimit-Limit", "5")).Policies })
        {
            var list = Assert.IsAssignableFrom<IList<RateLimitPolicy>>(policies);
            Assert.True(list.IsReadOnly);
            Assert.Throws<NotSupportedException>(() => list.Add(new RateLimitPolicy(1, TimeSpan.FromSeconds(1))));
        }

        Assert.Equal(2, other.Policies.Count);
        Assert.Single(Parse(("RateLimit-Limit", "500, 500;w=60")).Policies);
    }

    [Theory]
    [InlineData("2147483647", 2147483647)]
    [InlineData("2147483648", null)]
    [InlineData("0000000000007", 7)]
    [InlineData("99999999999999999999", null)]
    [InlineData("-1", null)]
    [InlineData("+1", null)]
    [InlineData("1 2", null)]
    [InlineData("١", null)] // an Arabic-Indic digit is not an ASCII digit
    public void Limits_are_ascii_digits_within_int_range(string value, int? expected) =>
        Assert.Equal(expected, Parse(("RateLimit-Limit", value)).Limit);

    [Theory]
    [InlineData("9223372036854775807", 365 * 24 * 3600)] // long.MaxValue seconds: clamped to the largest delay
    [InlineData("9223372036854775808", null)] // beyond long: malformed
    [InlineData("31", 31)]
    public void Resets_are_ascii_digits_within_long_range(string value, int? seconds) =>
        Assert.Equal(seconds is { } s ? TimeSpan.FromSeconds(s) : null, Parse(("RateLimit-Reset", value)).Reset);
}

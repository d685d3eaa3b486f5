using FsCheck;
using FsCheck.Fluent;

namespace PluginApis.Http.Tests;

public class RateLimitPropertyTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 12, 0, 0, TimeSpan.Zero);
    private static readonly string[] Names = ["RateLimit-Limit", "Ratelimit-Remaining", "Ratelimit-Reset", "RateLimit", "RateLimit-Policy", "Retry-After"];

    [Fact]
    public void Parser_never_throws_on_arbitrary_header_values()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string[]>(), values =>
        {
            var headers = (values ?? []).Select((v, i) => new KeyValuePair<string, string>(Names[i % Names.Length], v ?? string.Empty));
            var info = RateLimitInfo.Parse(headers, Now);
            return (info.Remaining is null or >= 0) && (info.Limit is null or >= 0) && (info.Reset is null || info.Reset >= TimeSpan.Zero);
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Retry_after_parser_never_throws_and_is_never_negative()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<string>(), value =>
        {
            var delay = RateLimitHeaderParser.ParseRetryAfter(value, Now);
            return delay is null || delay >= TimeSpan.Zero;
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Well_formed_draft_03_headers_round_trip()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<(PositiveInt, NonNegativeInt, NonNegativeInt, PositiveInt)>(), values =>
        {
            var (limit, remaining, reset, window) = values;
            var headers = new[]
            {
                new KeyValuePair<string, string>("RateLimit-Limit", $"{limit.Get}, {limit.Get};w={window.Get}"),
                new KeyValuePair<string, string>("Ratelimit-Remaining", remaining.Get.ToString()),
                new KeyValuePair<string, string>("Ratelimit-Reset", (reset.Get % 100000).ToString()),
            };
            var info = RateLimitInfo.Parse(headers, Now);
            return info.Limit == limit.Get && info.Remaining == remaining.Get && info.Reset == TimeSpan.FromSeconds(reset.Get % 100000)
                && info.Policies.Count == 1 && info.Policies[0] == new RateLimitPolicy(limit.Get, TimeSpan.FromSeconds(window.Get));
        }).QuickCheckThrowOnFailure();
    }

    [Fact]
    public void Well_formed_retry_after_seconds_and_dates_round_trip()
    {
        Prop.ForAll(ArbMap.Default.ArbFor<NonNegativeInt>(), seconds =>
        {
            var s = seconds.Get % 1_000_000;
            return RateLimitHeaderParser.ParseRetryAfter(s.ToString(), Now) == TimeSpan.FromSeconds(s)
                && RateLimitHeaderParser.ParseRetryAfter(Now.AddSeconds(s).ToString("r"), Now) == TimeSpan.FromSeconds(s);
        }).QuickCheckThrowOnFailure();
    }
}

namespace PluginApis.Quota.Redis.Tests;

public class PublicApiTests
{
    [Fact]
    public void Public_api_matches_the_checked_in_listing() =>
        PluginApis.Tests.Shared.PublicApiListing.AssertMatches(typeof(RedisQuotaStore).Assembly);
}

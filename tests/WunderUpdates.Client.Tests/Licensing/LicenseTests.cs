using System.Text.Json;
using WunderUpdates.Client.Serialization;
using Xunit;

namespace WunderUpdates.Client.Tests.Licensing;

public class LicenseTests
{
    [Fact]
    public void Static_keys_and_no_license_carry_no_products()
    {
        Assert.Equal(LicenseType.StaticKeys, License.StaticKeys.Type);
        Assert.Equal(LicenseType.NoLicense, License.NoLicense.Type);
        Assert.Empty(License.StaticKeys.Products);
        Assert.Empty(License.NoLicense.Products);
        Assert.Same(License.StaticKeys, License.StaticKeys);
    }

    [Fact]
    public void Lemon_Squeezy_keeps_its_product_ids_and_copies_the_array()
    {
        long[] ids = [12345, 678];
        var license = License.LemonSqueezy(ids);
        ids[0] = -1;

        Assert.Equal(LicenseType.LemonSqueezy, license.Type);
        Assert.Equal([12345L, 678L], license.Products);
        Assert.Equal("lemonsqueezy [12345, 678]", license.ToString());
    }

    [Fact]
    public void Lemon_Squeezy_needs_at_least_one_product()
    {
        var ex = Assert.Throws<ArgumentException>(() => License.LemonSqueezy());
        Assert.Contains("at least one product", ex.Message);
        Assert.Throws<ArgumentNullException>(() => License.LemonSqueezy(null!));
    }

    [Theory]
    [InlineData(0L)]
    [InlineData(-5L)]
    public void Lemon_Squeezy_product_ids_must_be_positive(long id)
    {
        var ex = Assert.Throws<ArgumentException>(() => License.LemonSqueezy(1, id));
        Assert.Contains("positive", ex.Message);
    }

    [Fact]
    public void Lemon_Squeezy_names_at_most_100_products()
    {
        License.LemonSqueezy([.. Enumerable.Range(1, License.MaxProducts).Select(i => (long)i)]);
        var ex = Assert.Throws<ArgumentException>(() => License.LemonSqueezy([.. Enumerable.Range(1, License.MaxProducts + 1).Select(i => (long)i)]));
        Assert.Contains("at most 100", ex.Message);
    }

    [Theory]
    [InlineData("static-keys", true)]
    [InlineData("STATIC-KEYS", true)]
    [InlineData("lemonsqueezy", true)]
    [InlineData("no-license", true)]
    [InlineData("freemius", false)]
    public void Licence_types_compare_by_wire_value(string value, bool known)
    {
        var type = new LicenseType(value);
        Assert.Equal(known, type.IsKnown);
        Assert.Equal(value, type.ToString());
    }

    [Fact]
    public void Licence_types_have_their_documented_wire_values()
    {
        Assert.Equal("static-keys", LicenseType.StaticKeys.Value);
        Assert.Equal("lemonsqueezy", LicenseType.LemonSqueezy.Value);
        Assert.Equal("no-license", LicenseType.NoLicense.Value);
        Assert.True(LicenseType.StaticKeys != LicenseType.NoLicense);
        Assert.Equal(string.Empty, default(LicenseType).Value);
        Assert.False(default(LicenseType).IsKnown);
    }

    [Theory]
    [InlineData("{\"type\":null}")]
    [InlineData("{}")]
    [InlineData("{\"type\":\"\"}")]
    public void Odd_licence_objects_from_the_server_read_without_crashing(string json)
    {
        var envelope = JsonSerializer.Deserialize("{\"plugin\":{\"slug\":\"p\",\"license\":" + json + "}}", WunderUpdatesJsonContext.Default.PluginEnvelope)!;

        Assert.False(envelope.Plugin!.License!.Type.IsKnown);
    }

    [Fact]
    public void Licence_keys_read_null_and_dated_expiry()
    {
        var keys = JsonSerializer.Deserialize("{\"keys\":[{\"key\":\"A\",\"expires\":null},{\"key\":\"B\",\"expires\":\"2026-12-31\"}]}", WunderUpdatesJsonContext.Default.LicenseKeyListEnvelope)!.Keys!;

        Assert.Null(keys[0].Expires);
        Assert.Equal(new DateOnly(2026, 12, 31), keys[1].Expires);
    }

    [Fact]
    public void A_licence_key_needs_a_key()
    {
        Assert.ThrowsAny<ArgumentException>(() => new LicenseKey(" "));
        Assert.ThrowsAny<ArgumentException>(() => new LicenseKey(null!));
    }
}

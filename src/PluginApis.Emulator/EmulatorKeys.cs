namespace PluginApis.Emulator;

/// <summary>The credentials and identifiers seeded into every emulator instance.</summary>
public static class EmulatorKeys
{
    /// <summary>PluginTests API key of the demo user (directory <c>demo</c>; every permission, including <c>queue:read</c>).</summary>
    public const string PluginTestsDemo = "pt-demo-0000000000000000000000000001";

    /// <summary>PluginTests API key of a second user (directory <c>other</c>; no <c>queue:read</c>) to prove isolation.</summary>
    public const string PluginTestsOther = "pt-other-000000000000000000000000002";

    /// <summary>WunderUpdates API key (<c>x-api-key</c>) of the demo account.</summary>
    public const string WunderUpdatesDemo = "wu-demo-0000000000000000000000000001";

    /// <summary>WunderUpdates API key of a second account to prove isolation.</summary>
    public const string WunderUpdatesOther = "wu-other-000000000000000000000000002";

    /// <summary>PluginTests directory of the demo user (its own plugins live under <c>/plugins/demo/...</c>).</summary>
    public const string PluginTestsDemoDirectory = "demo";

    /// <summary>PluginTests directory of the second user.</summary>
    public const string PluginTestsOtherDirectory = "other";

    /// <summary>Account prefix of the demo WunderUpdates account, used by <c>/v1/public/{accountPrefix}/plugins/{slug}</c>.</summary>
    public const string WunderUpdatesDemoAccountPrefix = "demo1234";

    /// <summary>Account prefix of the second WunderUpdates account.</summary>
    public const string WunderUpdatesOtherAccountPrefix = "other567";

    /// <summary>A valid, non-expiring licence key of the demo account's static-keys plugin <c>demo-pro</c>.</summary>
    public const string DemoLicenseKey = "DEMO-PRO-LICENSE-0001";

    /// <summary>A valid licence key of the demo account's Lemon Squeezy plugin <c>demo-lemon</c> (the emulator cannot reach Lemon Squeezy; it keeps such keys itself).</summary>
    public const string DemoLemonSqueezyLicenseKey = "DEMO-LEMON-LICENSE-0001";
}

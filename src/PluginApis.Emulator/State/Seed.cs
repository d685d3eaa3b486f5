using System.IO.Compression;
using System.Text;

namespace PluginApis.Emulator.State;

/// <summary>The demo data every emulator instance starts with (documented in docs/emulator.md).</summary>
internal static class Seed
{
    private static readonly DateTimeOffset Nov1 = new(2026, 11, 1, 10, 0, 0, TimeSpan.Zero);

    public static void Apply(EmulatorState state)
    {
        SeedPluginTests(state.PluginTests);
        SeedWunderUpdates(state.WunderUpdates);
    }

    private static void SeedPluginTests(PluginTestsState pt)
    {
        var demo = new PtUser
        {
            Id = "user_demo", Name = "Demo User", Email = "demo@example.com",
            Directory = EmulatorKeys.PluginTestsDemoDirectory, ApiKey = EmulatorKeys.PluginTestsDemo,
            Permissions = PluginTestsState.AllPermissions,
        };
        var other = new PtUser
        {
            Id = "user_other", Name = "Other User", Email = "other@example.com",
            Directory = EmulatorKeys.PluginTestsOtherDirectory, ApiKey = EmulatorKeys.PluginTestsOther,
            Permissions = ["plugins:read", "plugins:delete", "webhooks:write", "queue:write"],
        };
        pt.UsersByKey[demo.ApiKey] = demo;
        pt.UsersByKey[other.ApiKey] = other;

        var akismet = new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "akismet", Name = "Akismet Anti-spam", Version = "5.3.1",
            ActiveInstalls = 6_000_000,
        };
        akismet.Reports.Add(new PtReport("5-3-2026-10-01", "5.3", "failed", Nov1.AddMonths(-1), "6.8", "8.3",
            [new PtReportError("php_warning", "Undefined array key \"akismet_comment_nonce\"", "wp-content/plugins/akismet/class.akismet.php", 1253)]));
        akismet.Reports.Add(new PtReport("5-3-1-2026-11-01", "5.3.1", "passed", Nov1, "6.8", "8.3", []));
        akismet.Tables.Add(new PtTable("wp_akismet_log", ["id", "comment_id", "event", "created_at"]));
        akismet.Options.Add(new PtOption("akismet_key", true));
        akismet.Options.Add(new PtOption("akismet_spam_count", true));
        akismet.Options.Add(new PtOption("akismet_strictness", false));
        pt.Add(akismet);

        var yoast = new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "wordpress-seo", Name = "Yoast SEO", Version = "25.0",
            ActiveInstalls = 10_000_000,
        };
        yoast.Reports.Add(new PtReport("25-0-2026-11-02", "25.0", "passed", Nov1.AddDays(1), "6.8", "8.3", []));
        yoast.Tables.Add(new PtTable("wp_yoast_indexable", ["id", "permalink", "object_id", "object_type", "updated_at"]));
        yoast.Tables.Add(new PtTable("wp_yoast_indexable_hierarchy", ["indexable_id", "ancestor_id", "depth"]));
        yoast.Tables.Add(new PtTable("wp_yoast_migrations", ["id", "version"]));
        yoast.Tables.Add(new PtTable("wp_yoast_primary_term", ["id", "post_id", "term_id", "taxonomy"]));
        yoast.Tables.Add(new PtTable("wp_yoast_seo_links", ["id", "url", "post_id", "target_post_id", "type"]));
        yoast.Options.Add(new PtOption("wpseo", true));
        yoast.Options.Add(new PtOption("wpseo_titles", true));
        yoast.Options.Add(new PtOption("wpseo_social", true));
        pt.Add(yoast);

        var woo = new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "woocommerce", Name = "WooCommerce", Version = "9.4.0",
            ActiveInstalls = 7_000_000,
        };
        woo.Reports.Add(new PtReport("9-4-0-2026-10-28", "9.4.0", "failed", Nov1.AddDays(-4), "6.8", "8.3",
        [
            new PtReportError("php_notice", "Function wc_get_page_id was called incorrectly.", "wp-includes/functions.php", 6085),
            new PtReportError("php_deprecated", "Creation of dynamic property is deprecated", null, null),
        ]));
        woo.Tables.Add(new PtTable("wp_wc_orders", ["id", "status", "currency", "total_amount", "customer_id"]));
        woo.Tables.Add(new PtTable("wp_wc_product_meta_lookup", ["product_id", "sku", "min_price", "max_price"]));
        woo.Tables.Add(new PtTable("wp_woocommerce_sessions", ["session_id", "session_key", "session_value", "session_expiry"]));
        woo.Options.Add(new PtOption("woocommerce_version", true));
        woo.Options.Add(new PtOption("woocommerce_db_version", true));
        pt.Add(woo);

        var cf7 = new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "contact-form-7", Name = "Contact Form 7", Version = "6.0",
            ActiveInstalls = 10_000_000,
        };
        cf7.Reports.Add(new PtReport("6-0-2026-10-30", "6.0", "passed", Nov1.AddDays(-2), "6.8", "8.3", []));
        cf7.Options.Add(new PtOption("wpcf7", true));
        pt.Add(cf7);

        var tiny = new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "tiny-table", Name = "Tiny Table", Version = "1.0.2",
            ActiveInstalls = 120,
        };
        tiny.Reports.Add(new PtReport("1-0-2-2026-09-15", "1.0.2", "passed", Nov1.AddDays(-47), "6.8", "8.2", []));
        tiny.Tables.Add(new PtTable("wp_tiny_table_rows", ["id", "table_id", "cells"]));
        pt.Add(tiny);

        // Never tested: latestReport and testedAt are null.
        pt.Add(new PtPlugin
        {
            Directory = PluginTestsState.WordPressOrg, Slug = "hello-dolly", Name = "Hello Dolly", Version = "1.7.2",
            ActiveInstalls = 300_000,
        });

        var demoPlugin = new PtPlugin
        {
            Directory = demo.Directory, Slug = "demo-private-plugin", Name = "Demo Private Plugin", Version = "1.2.0",
            OwnerId = demo.Id,
        };
        demoPlugin.Reports.Add(new PtReport("1-2-0-2026-11-01", "1.2.0", "passed", Nov1, "6.8", "8.3", []));
        demoPlugin.Tables.Add(new PtTable("wp_demo_private_items", ["id", "title"]));
        demoPlugin.Options.Add(new PtOption("demo_private_settings", true));
        pt.Add(demoPlugin);

        var otherPlugin = new PtPlugin
        {
            Directory = other.Directory, Slug = "other-secret-plugin", Name = "Other Secret Plugin", Version = "0.9.0",
            OwnerId = other.Id,
        };
        otherPlugin.Reports.Add(new PtReport("0-9-0-2026-10-20", "0.9.0", "passed", Nov1.AddDays(-12), "6.8", "8.3", []));
        otherPlugin.Tables.Add(new PtTable("wp_other_secret", ["id", "secret"]));
        pt.Add(otherPlugin);

        // Seeded webhooks are listing examples: nothing is POSTed to them (only webhooks created through the API receive events).
        pt.Webhooks.Add(new PtWebhook("wh_demo0001", demo.Id, "https://example.com/hooks/plugintests", "test_finished", Nov1, Seeded: true));
        pt.Webhooks.Add(new PtWebhook("wh_other0001", other.Id, "https://other.example.com/hooks", null, Nov1, Seeded: true));

        // Seeded jobs are fixtures: they stay queued (only jobs added through POST /test-queue run).
        pt.Jobs.Add(new PtJob
        {
            Id = "job_demo0001", OwnerId = demo.Id, Directory = PluginTestsState.WordPressOrg, Slug = "akismet", Priority = 100,
            PackageSource = "stable", QueuedAt = Nov1,
        });
        pt.Jobs.Add(new PtJob
        {
            Id = "job_other0001", OwnerId = other.Id, Directory = other.Directory, Slug = otherPlugin.Slug, Priority = 200,
            PackageSource = "direct", DownloadUrl = "https://other.example.com/other-secret-plugin.zip", QueuedAt = Nov1,
        });
    }

    private static void SeedWunderUpdates(WunderUpdatesState wu)
    {
        var demo = new WuAccount { Id = "acct_demo", Prefix = EmulatorKeys.WunderUpdatesDemoAccountPrefix };
        demo.Tokens.Add(new WuToken("ci", -1, EmulatorState.NewId("wut_")));

        var pro = new WuPlugin { Slug = "demo-pro", LicenseType = LicenseTypes.StaticKeys };
        AddVersion(pro, "Demo Pro", "1.0.0", Nov1.AddDays(-60));
        AddVersion(pro, "Demo Pro", "1.1.0", Nov1.AddDays(-30));
        AddVersion(pro, "Demo Pro", "2.0.0-beta.1", Nov1.AddDays(-3));
        pro.Keys.Add(new WuLicenseKey(EmulatorKeys.DemoLicenseKey, null));
        pro.Keys.Add(new WuLicenseKey("DEMO-PRO-EXPIRED-0001", new DateOnly(2020, 1, 1)));
        demo.Plugins[pro.Slug] = pro;

        var lemon = new WuPlugin { Slug = "demo-lemon", LicenseType = LicenseTypes.LemonSqueezy, Products = [12345] };
        AddVersion(lemon, "Demo Lemon", "0.9.0", Nov1.AddDays(-10));
        lemon.LemonSqueezyKeys.Add(EmulatorKeys.DemoLemonSqueezyLicenseKey);
        demo.Plugins[lemon.Slug] = lemon;

        var free = new WuPlugin { Slug = "demo-free", LicenseType = LicenseTypes.NoLicense };
        AddVersion(free, "Demo Free", "1.0.0", Nov1.AddDays(-20));
        AddVersion(free, "Demo Free", "1.0.1-rc.1", Nov1.AddDays(-1));
        demo.Plugins[free.Slug] = free;

        var other = new WuAccount { Id = "acct_other", Prefix = EmulatorKeys.WunderUpdatesOtherAccountPrefix };
        var secret = new WuPlugin { Slug = "other-secret", LicenseType = LicenseTypes.StaticKeys };
        AddVersion(secret, "Other Secret", "3.0.0", Nov1.AddDays(-5));
        secret.Keys.Add(new WuLicenseKey("OTHER-SECRET-KEY-0001", null));
        other.Plugins[secret.Slug] = secret;

        wu.AccountsByKey[EmulatorKeys.WunderUpdatesDemo] = demo;
        wu.AccountsByKey[EmulatorKeys.WunderUpdatesOther] = other;
        foreach (var token in demo.Tokens)
        {
            wu.AccountsByKey[token.Value] = demo;
        }

        wu.AccountsByPrefix[demo.Prefix] = demo;
        wu.AccountsByPrefix[other.Prefix] = other;
    }

    private static void AddVersion(WuPlugin plugin, string name, string version, DateTimeOffset uploadedAt)
    {
        var description = $"{name} is a seeded demo plugin of the PluginApis emulator.";
        var changelog = $"= {version} =\n* Seeded release.";
        plugin.Versions[version] = new WuVersion(
            version, $"{plugin.Slug}-{version}.zip", BuildZip(plugin.Slug, name, version), name,
            "6.0", "6.8", "7.4", description, changelog, uploadedAt);
    }

    /// <summary>A minimal, valid plugin ZIP: <c>{slug}/{slug}.php</c> with headers and a <c>readme.txt</c>.</summary>
    internal static byte[] BuildZip(string slug, string name, string version)
    {
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            Write(zip, $"{slug}/{slug}.php",
                $"<?php\n/**\n * Plugin Name: {name}\n * Version: {version}\n * Requires at least: 6.0\n * Requires PHP: 7.4\n */\n");
            Write(zip, $"{slug}/readme.txt",
                $"=== {name} ===\nRequires at least: 6.0\nTested up to: 6.8\nRequires PHP: 7.4\nStable tag: {version}\n\n" +
                $"== Description ==\n{name} is a seeded demo plugin.\n\n== Changelog ==\n= {version} =\n* Seeded release.\n");
        }

        return buffer.ToArray();
    }

    private static void Write(ZipArchive zip, string path, string content)
    {
        using var stream = zip.CreateEntry(path).Open();
        stream.Write(Encoding.UTF8.GetBytes(content));
    }
}

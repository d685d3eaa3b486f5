using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace PluginApis.Emulator.Tests;

/// <summary><c>direct</c> jobs download their ZIP over HTTP and report what the documented scan finds in it.</summary>
public sealed class DirectJobTests
{
    private static readonly DateTimeOffset Start = new(2026, 12, 2, 8, 0, 0, TimeSpan.Zero);

    private const string MainFile = """
        <?php
        /**
         * Plugin Name: Acme Shop
         * Version: 2.1.0
         */
        register_activation_hook( __FILE__, 'acme_shop_install' );

        function acme_shop_install() {
            global $wpdb;
            $orders = $wpdb->prefix . 'acme_orders';
            $sql = "CREATE TABLE IF NOT EXISTS $orders (
                id bigint(20) unsigned NOT NULL AUTO_INCREMENT,
                `customer_id` bigint(20) NOT NULL,
                total decimal(10,2) DEFAULT 0,
                PRIMARY KEY  (id),
                KEY customer_id (customer_id)
            ) {$wpdb->get_charset_collate()};";
            dbDelta( $sql );
            $wpdb->query( "CREATE TABLE {$wpdb->prefix}acme_log ( id int, message text )" );
            add_option( 'acme_shop_version', '2.1.0' );
            add_option( 'acme_shop_cache', array(), '', 'no' );
            update_option( "acme_shop_settings", array( 'a' => 1 ) );
            update_option( 'acme_shop_flag', 1, false );
            $wpdb->get_results( "SELECT * FROM {$wpdb->prefix}posts" );
        }
        """;

    private const string HelperFile = """
        <?php
        function acme_shop_lookup() {
            global $wpdb;
            return $wpdb->get_var( "SELECT COUNT(*) FROM " . $wpdb->prefix . 'acme_stats' );
        }
        """;

    private static byte[] AcmeZip(params (string Name, string Content)[] more) => T.Zip(
        [("acme-shop/acme-shop.php", MainFile), ("acme-shop/includes/helper.php", HelperFile),
         ("acme-shop/readme.txt", "=== Acme Shop ===\nStable tag: 2.1.0\n"), .. more]);

    private static async Task<JsonElement> RunDirectJobAsync(
        EmulatorHost emu, FakeTimeProvider time, HttpClient http, string slug, Uri downloadUrl)
    {
        await TestJobTests.EnqueueAsync(http,
            $$"""{"directory":"demo","slug":"{{slug}}","packageSource":"direct","downloadUrl":"{{downloadUrl}}"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        await emu.WhenIdleAsync(T.Ct);
        return (await TestJobTests.ReportsAsync(http, "demo", slug))[0];
    }

    [Fact]
    public async Task A_zip_from_the_emulators_own_download_link_yields_its_tables_options_and_version()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        using var http = T.Client(emu);
        using (var created = await http.WuJson(HttpMethod.Post, "plugins", """{"slug":"acme-shop","license":{"type":"no-license"}}"""))
        {
            Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        }

        using (var upload = await http.WuUpload("acme-shop", AcmeZip()))
        {
            Assert.Equal(HttpStatusCode.OK, upload.StatusCode);
        }

        using var check = await http.GetAsync(emu.PublicUpdateUri(EmulatorKeys.WunderUpdatesDemoAccountPrefix, "acme-shop"), T.Ct);
        var link = new Uri((await check.ExpectJson(HttpStatusCode.OK)).GetProperty("download_link").GetString()!);

        var report = await RunDirectJobAsync(emu, time, http, "acme-shop", link);
        Assert.Equal("passed", report.GetProperty("status").GetString());
        Assert.Equal("2.1.0", report.GetProperty("pluginVersion").GetString());
        Assert.Equal("2-1-0-2026-12-02", report.GetProperty("slug").GetString());

        using var tables = await http.PtGet("plugins/demo/acme-shop/tables");
        var t = (await tables.ExpectJson(HttpStatusCode.OK)).GetProperty("tables");
        Assert.Equal(["wp_acme_orders", "wp_acme_log", "wp_acme_stats"], t.Strings("name"));
        Assert.Equal(["id", "customer_id", "total"], t[0].GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(["id", "message"], t[1].GetProperty("columns").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(0, t[2].GetProperty("columns").GetArrayLength());

        using var options = await http.PtGet("plugins/demo/acme-shop/options");
        var o = (await options.ExpectJson(HttpStatusCode.OK)).GetProperty("options");
        Assert.Equal(["acme_shop_version", "acme_shop_cache", "acme_shop_settings", "acme_shop_flag"], o.Strings("name"));
        Assert.Equal([true, false, true, false], o.EnumerateArray().Select(x => x.GetProperty("autoload").GetBoolean()));

        using var plugin = await http.PtGet("plugins/demo/acme-shop");
        var p = await plugin.ExpectJson(HttpStatusCode.OK);
        Assert.Equal("Acme Shop", p.GetProperty("name").GetString());
        Assert.Equal("2.1.0", p.GetProperty("version").GetString());
    }

    [Fact]
    public async Task Trigger_error_calls_fail_the_report_with_type_file_and_line()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Serve("builds/acme-shop.zip", 200, AcmeZip(("acme-shop/broken.php", """
            <?php
            trigger_error( 'Acme: cache directory missing', E_USER_WARNING );

            if ( ! function_exists( 'x' ) ) { trigger_error( "Acme: \"x\" is gone" ); }
            user_error( 'Acme: old API', E_USER_DEPRECATED );
            trigger_error( 'Acme: cannot continue', E_USER_ERROR );
            """)));

        var report = await RunDirectJobAsync(emu, time, http, "acme-shop", host.Url("builds/acme-shop.zip"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        var errors = report.GetProperty("errors").EnumerateArray().ToList();
        Assert.Equal(["php_warning", "php_notice", "php_deprecated", "php_fatal_error"], errors.Select(e => e.GetProperty("type").GetString()));
        Assert.Equal(["Acme: cache directory missing", "Acme: \"x\" is gone", "Acme: old API", "Acme: cannot continue"],
            errors.Select(e => e.GetProperty("message").GetString()));
        Assert.All(errors, e => Assert.Equal("wp-content/plugins/acme-shop/broken.php", e.GetProperty("file").GetString()));
        Assert.Equal([2, 4, 5, 6], errors.Select(e => e.GetProperty("line").GetInt32()));

        var download = await host.NextAsync();
        Assert.Equal("GET", download.Method);
        Assert.StartsWith("PluginApis.Emulator/", download.UserAgent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_zip_without_a_plugin_header_yields_a_failed_report_and_leaves_the_plugin_as_it_was()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Serve("bad.zip", 200, T.Zip(("demo-private-plugin/demo-private-plugin.php", "<?php\n// no header here\n")));

        var report = await RunDirectJobAsync(emu, time, http, "demo-private-plugin", host.Url("bad.zip"));
        Assert.Equal("failed", report.GetProperty("status").GetString());
        Assert.Equal(JsonValueKind.Null, report.GetProperty("pluginVersion").ValueKind);
        Assert.StartsWith("unknown-2026-12-02", report.GetProperty("slug").GetString(), StringComparison.Ordinal);
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal("invalid_package", error.GetProperty("type").GetString());
        Assert.Contains("NoMainFile", error.GetProperty("message").GetString(), StringComparison.Ordinal);

        using var tables = await http.PtGet("plugins/demo/demo-private-plugin/tables");
        Assert.Equal(["wp_demo_private_items"], (await tables.ExpectJson(HttpStatusCode.OK)).GetProperty("tables").Strings("name"));
    }

    [Fact]
    public async Task A_zip_for_another_slug_is_an_invalid_package()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Serve("acme.zip", 200, AcmeZip());

        var report = await RunDirectJobAsync(emu, time, http, "not-acme", host.Url("acme.zip"));
        var error = Assert.Single(report.GetProperty("errors").EnumerateArray());
        Assert.Equal("invalid_package", error.GetProperty("type").GetString());
        Assert.Contains("SlugMismatch", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Downloads_that_fail_or_are_too_large_yield_failed_reports_without_the_url()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time, more: o => o.MaxUploadBytes = 2000);
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Serve("big.zip", 200, new byte[2001]);

        var missing = await RunDirectJobAsync(emu, time, http, "gone", host.Url("missing.zip?key=SECRET-LICENSE"));
        var error = Assert.Single(missing.GetProperty("errors").EnumerateArray());
        Assert.Equal("download_failed", error.GetProperty("type").GetString());
        Assert.Equal("Downloading the package failed: HTTP 404.", error.GetProperty("message").GetString());

        var big = await RunDirectJobAsync(emu, time, http, "big", host.Url("big.zip"));
        Assert.Equal("Downloading the package failed: it is larger than 2000 bytes.", big.GetProperty("errors")[0].GetProperty("message").GetString());

        // A closed port: connection refused.
        var closed = await RunDirectJobAsync(emu, time, http, "closed", new Uri($"http://127.0.0.1:{T.ClosedPort()}/x.zip"));
        Assert.Equal("Downloading the package failed: no connection to the host.", closed.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.All(new[] { missing, big, closed }, r => Assert.Equal("failed", r.GetProperty("status").GetString()));
    }

    [Fact]
    public async Task A_download_that_never_answers_times_out_on_the_emulator_clock()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time, 0, 0, o => o.PackageDownloadTimeout = TimeSpan.FromSeconds(30));
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Hang("slow.zip");

        await TestJobTests.EnqueueAsync(http, $$"""{"directory":"demo","slug":"slow","packageSource":"direct","downloadUrl":"{{host.Url("slow.zip")}}"}""");
        await host.NextAsync(); // the emulator is now waiting for the answer
        time.Advance(TimeSpan.FromSeconds(30));

        var report = (await TestJobTests.ReportsAsync(http, "demo", "slow"))[0];
        Assert.Equal("Downloading the package failed: no complete answer within 30 s.", report.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task A_direct_job_for_an_unknown_slug_in_wporg_creates_a_public_plugin()
    {
        var time = new FakeTimeProvider(Start);
        await using var emu = await TestJobTests.StartAsync(time);
        await using var host = await LoopbackServer.StartAsync();
        using var http = T.Client(emu);
        host.Serve("acme.zip", 200, AcmeZip());

        await TestJobTests.EnqueueAsync(http, $$"""{"directory":"wporg","slug":"acme-shop","packageSource":"direct","downloadUrl":"{{host.Url("acme.zip")}}"}""");
        time.Advance(TimeSpan.FromSeconds(3));
        using var other = await http.PtGet("plugins/wporg/acme-shop", EmulatorKeys.PluginTestsOther);
        Assert.Equal("2.1.0", (await other.ExpectJson(HttpStatusCode.OK)).GetProperty("version").GetString());
    }
}

using Microsoft.Extensions.Options;
using PluginApis.Http;
using WunderUpdates.Client;

namespace PluginApis.Reliability.Tests.Hostile;

/// <summary>
/// Issue #12, rows 5, 11 (base address) and 12: a careless caller's settings — a key with a line break, NUL or non-ASCII
/// character, a base address with user info, query or fragment, resilience values out of range — are refused when the
/// client is built (<see cref="ArgumentException"/>; under dependency injection the options validation's
/// <see cref="OptionsValidationException"/>), naming the setting, never showing the key or password, with nothing sent.
/// </summary>
public sealed class CarelessOptionsTests
{
    public static TheoryData<Construction, string, string> BadKeys() => Cases(["CR LF header", "LF", "NUL", "tab", "space", "non-ASCII", "no-break space", "line separator"]);

    public static TheoryData<Construction, string, string> BadBaseAddresses() => Cases(["user info", "query", "fragment", "ftp scheme"]);

    public static TheoryData<Construction, string, string> BadResilience() => Cases(
        ["BaseDelay", "MaxRateLimitWait", "MaxBackoffDelay", "AttemptTimeout", "TotalTimeout", "MaxRetryAttempts", "MaxResponseBodySize"]);

    [Theory]
    [MemberData(nameof(BadKeys))]
    public async Task An_API_key_that_could_inject_a_header_or_fail_when_sent_is_refused_at_construction(Construction how, string client, string flaw)
    {
        var suffix = flaw switch
        {
            "CR LF header" => "\r\nX-Injected: yes",
            "LF" => "\nmore",
            "NUL" => "\0more",
            "tab" => "\tmore",
            "space" => " more",
            "non-ASCII" => "-clé",
            "no-break space" => "\u00a0more",
            _ => "\u2028more",
        };

        var error = await RefusedAsync(how, client, o => o.ApiKey += suffix);

        Assert.Contains(".ApiKey", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadBaseAddresses))]
    public async Task A_base_address_with_user_info_query_or_fragment_is_refused_at_construction(Construction how, string client, string flaw)
    {
        var error = await RefusedAsync(how, client, o =>
        {
            var b = o.BaseAddress;
            o.BaseAddress = flaw switch
            {
                "user info" => new Uri($"http://deploy:S3cretPassw0rd@{b.Authority}{b.AbsolutePath}"),
                "query" => new Uri(b, "?tenant=42"),
                "fragment" => new Uri(b, "#section"),
                _ => new Uri($"ftp://{b.Authority}{b.AbsolutePath}"),
            };
        });

        Assert.Contains(".BaseAddress", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("S3cretPassw0rd", error.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(BadResilience))]
    public async Task Out_of_range_resilience_settings_are_refused_at_construction_naming_the_setting(Construction how, string client, string setting)
    {
        var error = await RefusedAsync(how, client, o =>
        {
            var r = o.Resilience;
            switch (setting)
            {
                case "BaseDelay": r.BaseDelay = TimeSpan.FromDays(2); r.MaxBackoffDelay = TimeSpan.FromDays(2); break;
                case "MaxRateLimitWait": r.MaxRateLimitWait = TimeSpan.MaxValue; r.TotalTimeout = Timeout.InfiniteTimeSpan; break;
                case "MaxBackoffDelay": r.BaseDelay = TimeSpan.FromSeconds(2); r.MaxBackoffDelay = TimeSpan.FromSeconds(1); break;
                case "AttemptTimeout": r.AttemptTimeout = TimeSpan.Zero; break;
                case "TotalTimeout": r.TotalTimeout = TimeSpan.FromDays(-1); break;
                case "MaxRetryAttempts": r.MaxRetryAttempts = int.MaxValue; break;
                default: o.MaxResponseBodySize = 0; break;
            }
        });

        Assert.Contains(setting, error.Message, StringComparison.Ordinal);
    }

    private static TheoryData<Construction, string, string> Cases(string[] flaws)
    {
        var data = new TheoryData<Construction, string, string>();
        foreach (var how in Enum.GetValues<Construction>())
        {
            foreach (var client in new[] { "PluginTests", "WunderUpdates" })
            {
                foreach (var flaw in flaws)
                {
                    data.Add(how, client, flaw);
                }
            }
        }

        return data;
    }

    /// <summary>Builds the clients with <paramref name="spoil"/> applied to <paramref name="client"/>'s options: construction must fail, with nothing sent and nothing shown.</summary>
    private static async Task<Exception> RefusedAsync(Construction how, string client, Action<ApiClientOptions> spoil)
    {
        await using var server = HostileServer.Start(HostileAnswers.Json(200, HostileAnswers.PtUser));
        using var clients = HostileClients.Create(how, server, o =>
        {
            if ((o is WunderUpdatesClientOptions) == (client == "WunderUpdates"))
            {
                spoil(o);
            }
        });

        var error = Record.Exception(() => clients.Build());

        Assert.NotNull(error);
        if (how == Construction.DependencyInjection)
        {
            Assert.IsType<OptionsValidationException>(error);
        }
        else
        {
            Assert.IsAssignableFrom<ArgumentException>(error);
        }

        Assert.Contains(client, error.Message, StringComparison.Ordinal); // names the options type, e.g. WunderUpdatesClientOptions.ApiKey
        clients.AssertNothingShowsTheKey(error);
        Assert.Empty(server.Requests);
        return error;
    }
}

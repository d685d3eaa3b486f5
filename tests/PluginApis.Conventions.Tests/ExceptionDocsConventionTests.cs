using System.Reflection;
using System.Xml.Linq;
using PluginApis.Http;
using PluginTests.Client;
using WunderUpdates.Client;

namespace PluginApis.Conventions.Tests;

/// <summary>
/// Rule: every public method, operator and constructor of the shipped libraries (see <see cref="ShippedApi.Callables"/>)
/// says what it throws. In its generated XML docs, after resolving <c>&lt;inheritdoc/&gt;</c>, it has either
/// <list type="bullet">
/// <item>at least one <c>&lt;exception cref="T:..."/&gt;</c> tag, each naming a type that derives from <see cref="Exception"/>, or</item>
/// <item>a <c>&lt;remarks&gt;</c> that begins with <c>Never throws</c> and then <c>.</c>, <c>:</c> or <c>;</c> (for members
/// that genuinely cannot fail; what follows may say why, e.g. <c>Never throws: problems are returned, not thrown.</c>),</item>
/// </list>
/// and never both. The only callables without a doc entry are the compiler's implicit parameterless constructors (a declared
/// public member without docs fails the build, CS1591): they run field initializers only and are exempt. The clients'
/// async calls (on <see cref="IApiClient"/>, <see cref="IPluginTestsClient"/>, <see cref="IWunderUpdatesClient"/> and their
/// classes) name all six failures a caller handles: the service's exception (<see cref="ApiException"/> for the raw call),
/// <see cref="RateLimitExceededException"/>, <see cref="InvalidResponseException"/>, <see cref="HttpRequestException"/>,
/// <see cref="TimeoutException"/> and <see cref="OperationCanceledException"/>.
/// </summary>
public sealed class ExceptionDocsConventionTests
{
    private const string NeverThrows = "Never throws";

    [Fact]
    public void Every_public_method_and_constructor_documents_what_it_throws_or_that_it_never_throws()
    {
        var offenders = new List<string>();
        foreach (var member in ShippedApi.Callables)
        {
            var docs = XmlDocs.For(member);
            if (docs is null)
            {
                if (member is not ConstructorInfo { IsStatic: false } constructor || constructor.GetParameters().Length != 0)
                {
                    offenders.Add($"{DocIds.Of(member)}: no doc entry");
                }

                continue;
            }

            var throws = XmlDocs.ExceptionCrefs(docs).Count > 0;
            var neverThrows = SaysItNeverThrows(docs);
            if (throws == neverThrows)
            {
                offenders.Add($"{DocIds.Of(member)}: {(throws ? "has <exception> tags and says it never throws" : "no <exception> tag and no <remarks>Never throws.</remarks>")}");
            }
        }

        Assert.True(offenders.Count == 0, $"{offenders.Count} public member(s) do not say what they throw:\n" + string.Join("\n", offenders.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void Every_exception_tag_names_an_exception_type()
    {
        var offenders = ShippedApi.Callables
            .Select(m => (Member: m, Docs: XmlDocs.For(m)))
            .Where(d => d.Docs is not null)
            .SelectMany(d => XmlDocs.ExceptionCrefs(d.Docs!).Select(cref => (d.Member, Cref: cref)))
            .Where(d => !typeof(Exception).IsAssignableFrom(ResolveType(d.Cref)))
            .Select(d => $"{DocIds.Of(d.Member)}: {d.Cref}")
            .ToList();

        Assert.True(offenders.Count == 0, "<exception> crefs that are not exception types:\n" + string.Join("\n", offenders));
    }

    [Fact]
    public void Every_async_call_of_the_clients_names_the_six_failures_a_caller_handles()
    {
        var clientTypes = new[] { typeof(IApiClient), typeof(ApiClient), typeof(IPluginTestsClient), typeof(PluginTestsClient), typeof(IWunderUpdatesClient), typeof(WunderUpdatesClient) };
        var calls = ShippedApi.AsyncMethods.Where(m => clientTypes.Contains(m.DeclaringType)).ToList();
        var offenders = new List<string>();
        foreach (var call in calls)
        {
            var named = XmlDocs.For(call) is { } docs ? XmlDocs.ExceptionCrefs(docs) : [];
            var missing = RequiredFailures(call.DeclaringType!).Where(t => !named.Contains("T:" + t.FullName)).Select(t => t.Name).ToList();
            if (missing.Count > 0)
            {
                offenders.Add($"{DocIds.Of(call)}: missing {string.Join(", ", missing)}");
            }
        }

        Assert.True(calls.Count >= 2 * (15 + 20), $"Expected the typed calls of both clients and their interfaces, found {calls.Count}.");
        Assert.True(offenders.Count == 0, "Client calls that do not name every failure a caller handles:\n" + string.Join("\n", offenders.Order(StringComparer.Ordinal)));
    }

    [Fact]
    public void The_rule_sees_public_constructors_methods_and_operators_and_skips_accessors_and_synthesized_members()
    {
        var seen = ShippedApi.Callables.Select(DocIds.Of).ToHashSet(StringComparer.Ordinal);

        Assert.Contains("M:PluginTests.Client.PluginTestsClient.#ctor(System.String)", seen);
        Assert.Contains("M:PluginTests.Client.IPluginTestsClient.GetPluginAsync(System.String,System.String,System.Threading.CancellationToken)", seen);
        Assert.Contains("M:WunderUpdates.Client.IWunderUpdatesClient.UploadVersionAsync(System.String,System.String,System.IProgress{System.Int64},System.Threading.CancellationToken)", seen);
        Assert.Contains("M:PluginApis.Http.ApiClient.Dispose(System.Boolean)", seen); // protected, on an unsealed type
        Assert.Contains(seen, id => id.StartsWith("M:PluginTests.Client.PluginTestsErrorCode.op_", StringComparison.Ordinal));
        Assert.DoesNotContain(seen, id => id.Contains(".get_", StringComparison.Ordinal) || id.Contains(".set_", StringComparison.Ordinal));
        Assert.DoesNotContain("M:PluginApis.Http.RateLimitPolicy.Equals(PluginApis.Http.RateLimitPolicy)", seen); // record equality: synthesized
    }

    private static bool SaysItNeverThrows(XElement docs) =>
        docs.Elements("remarks").Select(r => r.Value.Trim()).Any(text =>
            text.StartsWith(NeverThrows, StringComparison.Ordinal) && text.Length > NeverThrows.Length && text[NeverThrows.Length] is '.' or ':' or ';');

    private static Type[] RequiredFailures(Type client) =>
    [
        client.Assembly == typeof(PluginTestsClient).Assembly ? typeof(PluginTestsException)
            : client.Assembly == typeof(WunderUpdatesClient).Assembly ? typeof(WunderUpdatesException)
            : typeof(ApiException),
        typeof(RateLimitExceededException),
        typeof(InvalidResponseException),
        typeof(HttpRequestException),
        typeof(TimeoutException),
        typeof(OperationCanceledException),
    ];

    private static Type? ResolveType(string cref) =>
        !cref.StartsWith("T:", StringComparison.Ordinal) ? null
            : Type.GetType(cref[2..]) ?? AppDomain.CurrentDomain.GetAssemblies().Select(a => a.GetType(cref[2..])).FirstOrDefault(t => t is not null);
}

namespace ReadmeSnippets;

/// <summary>
/// Free variables of blocks that call the live services with a key (<c>apiKey</c>, <c>wuKey</c>). Such blocks can only be
/// compiled here (no network but package registries): marking one <c>run</c> fails.
/// </summary>
internal abstract class LiveKeysFixture : Snippet
{
#pragma warning disable IDE1006, SA1300 // named as the README names them
    protected readonly string apiKey = "live-plugintests-key";
    protected readonly string wuKey = "live-wunderupdates-key";
#pragma warning restore IDE1006, SA1300

    protected override IEnumerable<string> Secrets => [.. base.Secrets, apiKey, wuKey];

    protected override Task SetUpAsync() =>
        throw new ReadmeCheckException("a LiveKeys block calls the live services, which CI cannot reach: mark it compile");
}

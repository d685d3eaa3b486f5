namespace ReadmeSnippets;

/// <summary>One marked block of the README, checked by <see cref="CheckAsync"/>; generated classes derive from it.</summary>
internal abstract class ReadmeBlock
{
    /// <summary>Where the block starts, <c>README.md:123</c>.</summary>
    public abstract string Origin { get; }

    /// <summary>The line number in <see cref="Origin"/>, for ordering.</summary>
    public int Line => int.Parse(Origin[(Origin.LastIndexOf(':') + 1)..], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Checks the block; throws <see cref="ReadmeCheckException"/> (or whatever the block threw) when it fails.</summary>
    /// <returns>A short description of what was checked.</returns>
    public abstract Task<string> CheckAsync();
}

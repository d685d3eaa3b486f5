using System.Globalization;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary>Release stability, least stable first (a channel accepts its own stability and anything more stable).</summary>
internal enum Stability
{
    Alpha = 0,
    Beta = 1,
    ReleaseCandidate = 2,
    Stable = 3,
}

/// <summary>
/// Semantic-version ordering (semver 2.0 precedence) tolerant of WordPress-style versions: 1 to 4 numeric parts
/// (<c>5.3</c>, <c>1.2.3.4</c>), an optional <c>-prerelease</c> and ignored <c>+build</c> metadata.
/// Unparsable versions sort before every parsable one, ordinally among themselves.
/// </summary>
internal sealed class SemanticVersion : IComparable<SemanticVersion>
{
    private readonly long[] _numbers;
    private readonly string[] _prerelease;
    private readonly string _original;
    private readonly bool _valid;

    private SemanticVersion(string original, long[] numbers, string[] prerelease, bool valid)
    {
        _original = original;
        _numbers = numbers;
        _prerelease = prerelease;
        _valid = valid;
    }

    public bool IsValid => _valid;

    public bool IsPrerelease => _prerelease.Length > 0;

    /// <summary>alpha / beta / rc by the first prerelease identifier; other prerelease tags count as alpha.</summary>
    public Stability Stability
    {
        get
        {
            if (!IsPrerelease)
            {
                return Stability.Stable;
            }

            var first = _prerelease[0].ToUpperInvariant();
            if (first.StartsWith("RC", StringComparison.Ordinal))
            {
                return Stability.ReleaseCandidate;
            }

            return first.StartsWith("BETA", StringComparison.Ordinal) ? Stability.Beta : Stability.Alpha;
        }
    }

    public static SemanticVersion Parse(string version)
    {
        ArgumentNullException.ThrowIfNull(version);
        var text = version.Trim();
        var plus = text.IndexOf('+', StringComparison.Ordinal);
        if (plus >= 0)
        {
            text = text[..plus];
        }

        string[] prerelease = [];
        var dash = text.IndexOf('-', StringComparison.Ordinal);
        if (dash >= 0)
        {
            prerelease = text[(dash + 1)..].Split('.');
            text = text[..dash];
        }

        var parts = text.Split('.');
        if (parts.Length is < 1 or > 4 || prerelease.Any(string.IsNullOrEmpty))
        {
            return new SemanticVersion(version, [], [], valid: false);
        }

        var numbers = new long[4];
        for (var i = 0; i < parts.Length; i++)
        {
            if (parts[i].Length == 0 || !parts[i].All(char.IsAsciiDigit) ||
                !long.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i]))
            {
                return new SemanticVersion(version, [], [], valid: false);
            }
        }

        return new SemanticVersion(version, numbers, prerelease, valid: true);
    }

    public static bool TryParseChannel(string? channel, out Stability stability)
    {
        switch (channel?.ToUpperInvariant())
        {
            case null or "STABLE":
                stability = Stability.Stable;
                return true;
            case "RC":
                stability = Stability.ReleaseCandidate;
                return true;
            case "BETA":
                stability = Stability.Beta;
                return true;
            case "ALPHA":
                stability = Stability.Alpha;
                return true;
            default:
                stability = Stability.Stable;
                return false;
        }
    }

    public int CompareTo(SemanticVersion? other)
    {
        if (other is null)
        {
            return 1;
        }

        if (_valid != other._valid)
        {
            return _valid ? 1 : -1;
        }

        if (!_valid)
        {
            return string.CompareOrdinal(_original, other._original);
        }

        for (var i = 0; i < 4; i++)
        {
            var c = _numbers[i].CompareTo(other._numbers[i]);
            if (c != 0)
            {
                return c;
            }
        }

        // A version without prerelease has higher precedence than one with.
        if (_prerelease.Length == 0 || other._prerelease.Length == 0)
        {
            return (_prerelease.Length == 0, other._prerelease.Length == 0) switch
            {
                (true, true) => 0,
                (true, false) => 1,
                _ => -1,
            };
        }

        for (var i = 0; i < Math.Min(_prerelease.Length, other._prerelease.Length); i++)
        {
            var a = _prerelease[i];
            var b = other._prerelease[i];
            var aNumeric = a.All(char.IsAsciiDigit);
            var bNumeric = b.All(char.IsAsciiDigit);
            int c;
            if (aNumeric && bNumeric)
            {
                c = a.TrimStart('0').Length != b.TrimStart('0').Length
                    ? a.TrimStart('0').Length.CompareTo(b.TrimStart('0').Length)
                    : string.CompareOrdinal(a.TrimStart('0'), b.TrimStart('0'));
            }
            else if (aNumeric != bNumeric)
            {
                c = aNumeric ? -1 : 1; // numeric identifiers have lower precedence
            }
            else
            {
                c = string.CompareOrdinal(a, b);
            }

            if (c != 0)
            {
                return c;
            }
        }

        return _prerelease.Length.CompareTo(other._prerelease.Length);
    }

    public override string ToString() => _original;
}

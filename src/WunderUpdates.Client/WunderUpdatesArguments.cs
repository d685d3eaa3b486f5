namespace WunderUpdates.Client;

/// <summary>The checks of WunderUpdates arguments that go beyond "not blank", made before any request.</summary>
internal static class WunderUpdatesArguments
{
    private const int MaxTokenNameLength = 64;

    /// <exception cref="ArgumentException">The name is blank, too long or holds a character other than a-z, 0-9, '-' and '.'.</exception>
    public static void TokenName(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        if (name.Length > MaxTokenNameLength)
        {
            throw new ArgumentException($"A token name has at most {MaxTokenNameLength} characters (got {name.Length}).", nameof(name));
        }

        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '-' or '.'))
            {
                throw new ArgumentException($"A token name may contain only a-z, 0-9, '-' and '.' (found '{c}').", nameof(name));
            }
        }
    }

    /// <exception cref="ArgumentOutOfRangeException">Not 1 to 365, nor -1.</exception>
    public static void TokenExpiry(int expiresInDays)
    {
        if (expiresInDays != -1 && expiresInDays is < 1 or > 365)
        {
            throw new ArgumentOutOfRangeException(nameof(expiresInDays), expiresInDays, "A token expires in 1 to 365 days, or -1 for never.");
        }
    }

    /// <exception cref="ArgumentNullException">The key is null.</exception>
    /// <exception cref="ArgumentException">Its value is blank.</exception>
    public static void LicenseKey(LicenseKey? key, string paramName)
    {
        if (key is null)
        {
            throw new ArgumentNullException(paramName, "A licence key must not be null.");
        }

        if (string.IsNullOrWhiteSpace(key.Key))
        {
            throw new ArgumentException("A licence key must not be empty or whitespace.", paramName);
        }
    }

    /// <exception cref="ArgumentNullException">The licence is null.</exception>
    /// <exception cref="ArgumentException">The licence is not valid (e.g. Lemon Squeezy without products).</exception>
    public static Serialization.LicenseBody License(License license, string paramName)
    {
        ArgumentNullException.ThrowIfNull(license, paramName);
        license.EnsureValid(paramName);
        return Serialization.LicenseBody.From(license);
    }

    /// <exception cref="ArgumentOutOfRangeException">Not a defined channel.</exception>
    public static string Channel(ReleaseChannel channel) => channel switch
    {
        ReleaseChannel.Alpha => "alpha",
        ReleaseChannel.Beta => "beta",
        ReleaseChannel.Rc => "rc",
        ReleaseChannel.Stable => "stable",
        _ => throw new ArgumentOutOfRangeException(nameof(channel), channel, "Unknown release channel."),
    };
}

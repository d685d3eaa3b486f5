namespace WunderUpdates.Client;

/// <summary>
/// The least stable release a WordPress site accepts when it checks for updates: <see cref="Alpha"/> accepts everything,
/// <see cref="Stable"/> only final releases. Versions are compared as semver (<c>2.0.0-beta.1</c> is a beta).
/// </summary>
public enum ReleaseChannel
{
    /// <summary>Alpha, beta, release-candidate and stable releases (<c>alpha</c>).</summary>
    Alpha,

    /// <summary>Beta, release-candidate and stable releases (<c>beta</c>).</summary>
    Beta,

    /// <summary>Release-candidate and stable releases (<c>rc</c>).</summary>
    Rc,

    /// <summary>Stable releases only (<c>stable</c>).</summary>
    Stable,
}

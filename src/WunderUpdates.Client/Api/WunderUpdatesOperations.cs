using PluginApis.Http;

namespace WunderUpdates.Client;

/// <summary>What is fixed about each WunderUpdates endpoint: its name and whether it may be re-sent.</summary>
internal static class WunderUpdatesOperations
{
    public const string Service = "WunderUpdates";

    public static readonly ApiOperation ListPlugins = ApiOperation.Get(Service, nameof(ListPlugins));
    public static readonly ApiOperation CreatePlugin = ApiOperation.Post(Service, nameof(CreatePlugin));
    public static readonly ApiOperation GetPlugin = ApiOperation.Get(Service, nameof(GetPlugin));
    public static readonly ApiOperation UpdateLicense = ApiOperation.Put(Service, nameof(UpdateLicense));
    public static readonly ApiOperation DeletePlugin = ApiOperation.Delete(Service, nameof(DeletePlugin));
    public static readonly ApiOperation ListVersions = ApiOperation.Get(Service, nameof(ListVersions));

    // The service replaces an upload of the same version: sending the ZIP again cannot double anything.
    public static readonly ApiOperation UploadVersion = ApiOperation.Post(Service, nameof(UploadVersion), idempotent: true);
    public static readonly ApiOperation GetVersion = ApiOperation.Get(Service, nameof(GetVersion));
    public static readonly ApiOperation DeleteVersion = ApiOperation.Delete(Service, nameof(DeleteVersion));
    public static readonly ApiOperation GetAccount = ApiOperation.Get(Service, nameof(GetAccount));
    public static readonly ApiOperation GetAccountLicense = ApiOperation.Get(Service, nameof(GetAccountLicense));
    public static readonly ApiOperation ActivateAccountLicense = ApiOperation.Post(Service, nameof(ActivateAccountLicense));
    public static readonly ApiOperation ListTokens = ApiOperation.Get(Service, nameof(ListTokens));
    public static readonly ApiOperation CreateToken = ApiOperation.Post(Service, nameof(CreateToken));
    public static readonly ApiOperation ListLicenseKeys = ApiOperation.Get(Service, nameof(ListLicenseKeys));

    // POST here replaces the whole list: repeating it gives the same result.
    public static readonly ApiOperation ReplaceLicenseKeys = ApiOperation.Post(Service, nameof(ReplaceLicenseKeys), idempotent: true);
    public static readonly ApiOperation AddLicenseKey = ApiOperation.Put(Service, nameof(AddLicenseKey));
    public static readonly ApiOperation GetLicenseKey = ApiOperation.Get(Service, nameof(GetLicenseKey));
    public static readonly ApiOperation DeleteLicenseKey = ApiOperation.Delete(Service, nameof(DeleteLicenseKey));
    public static readonly ApiOperation CheckForUpdate = ApiOperation.Get(Service, nameof(CheckForUpdate));
}

using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PluginApis.Emulator.Json;
using PluginApis.Emulator.State;

namespace PluginApis.Emulator.WunderUpdatesApi;

/// <summary><c>/v1/account</c>, <c>/v1/account/license</c> and <c>/v1/account/tokens</c>.</summary>
internal static partial class AccountEndpoints
{
    [GeneratedRegex("^[a-z0-9.-]{1,64}$")]
    private static partial Regex TokenNamePattern();

    public static void Map(RouteGroupBuilder v1, EmulatorState state, EmulatorOptions options, EmulatorStats stats)
    {
        var json = EmulatorJson.Context;

        v1.MapGet("/account", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(
                    new WuAccountEnvelope(200, new WuAccountDto(account.Prefix, 0, 1), new WuProductsDto([], WuResults.AllPlugins(account))),
                    json.WuAccountEnvelope);
            }
        });

        v1.MapGet("/account/license", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                return Results.Json(
                    new WuAccountLicenseEnvelope(200, new WuAccountLicenseDto(account.LicenseLimit, account.LicenseExpires)),
                    json.WuAccountLicenseEnvelope);
            }
        });

        v1.MapPost("/account/license", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuAccountLicenseRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            if (string.IsNullOrWhiteSpace(body.Value!.License) || body.Value.License.Length > 200)
            {
                return Errors.WuBadRequest("license is required (at most 200 characters).");
            }

            lock (state.Gate)
            {
                account.AccountLicenseKey = body.Value.License;
                return WuResults.Message("License activated.");
            }
        });

        v1.MapGet("/account/tokens", IResult (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            lock (state.Gate)
            {
                var tokens = account.Tokens.Select(t => new WuTokenDto(t.Name, t.Expires)).ToList();
                return Results.Json(new WuTokensEnvelope(200, tokens), json.WuTokensEnvelope);
            }
        });

        v1.MapPost("/account/tokens", async Task<IResult> (HttpContext context) =>
        {
            var account = EmulatorApp.WuAccount(context);
            var body = await RequestBody.ReadJsonAsync(context, json.WuTokenRequest, options.MaxJsonBodyBytes, Service.WunderUpdates).ConfigureAwait(false);
            if (body.Error is not null)
            {
                return body.Error;
            }

            var request = body.Value!;
            if (request.Name is null || !TokenNamePattern().IsMatch(request.Name))
            {
                return Errors.WuBadRequest("name is required: a-z, 0-9, '-' and '.' only (at most 64 characters).");
            }

            if (request.Expires is not { } days || (days != -1 && days is < 1 or > 365))
            {
                return Errors.WuBadRequest("expires must be a number of days from 1 to 365, or -1 for never.");
            }

            lock (state.Gate)
            {
                if (account.Tokens.Exists(t => t.Name == request.Name))
                {
                    return Errors.Wu(StatusCodes.Status409Conflict, $"A token named {request.Name} already exists.");
                }

                var expires = days == -1 ? -1 : options.TimeProvider.GetUtcNow().AddDays(days).ToUnixTimeSeconds();
                var token = new WuToken(request.Name, expires, EmulatorState.NewId("wut_") + EmulatorState.NewId(string.Empty));
                account.Tokens.Add(token);
                state.WunderUpdates.AccountsByKey[token.Value] = account;
                stats.TokenCreated();
                return Results.Json(
                    new WuTokenCreatedEnvelope(200, "Token created. Its value is shown only once.", new WuCreatedTokenDto(token.Name, token.Expires, token.Value)),
                    json.WuTokenCreatedEnvelope);
            }
        });
    }
}

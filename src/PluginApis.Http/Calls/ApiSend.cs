namespace PluginApis.Http;

/// <summary>
/// Sends one attempt of a call through the service's Refit interface: a fresh request (and body) each time it is invoked.
/// Client methods pass static lambdas, so no delegate is allocated per call.
/// </summary>
/// <typeparam name="TArgs">The call's arguments (the Refit client and the method's values), usually a value tuple.</typeparam>
/// <param name="args">The arguments.</param>
/// <param name="call">The call, for a body rebuilt per attempt.</param>
/// <param name="cancellationToken">The attempt's token (caller, total and attempt timeouts).</param>
/// <returns>The response, whatever its status.</returns>
internal delegate Task<HttpResponseMessage> ApiSend<TArgs>(TArgs args, ApiCall call, CancellationToken cancellationToken);

namespace PluginApis.Tests.Shared;

/// <summary>
/// Names the Refit endpoint method a wire contract test proves. The test's expectation also requires that the request it
/// sees was built by that very Refit method (<see cref="WireExpectations.BuiltBy"/>), so the name cannot drift from what
/// the test sends, and <see cref="ContractCoverage"/> fails when an endpoint of the interface has no such test.
/// </summary>
/// <param name="endpoint">The method name on the Refit interface, e.g. <c>nameof(IPluginTestsApi.GetPlugin)</c>.</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
internal sealed class ContractForAttribute(string endpoint) : Attribute
{
    public string Endpoint { get; } = endpoint;
}

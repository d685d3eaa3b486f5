namespace PluginTests.Client;

/// <summary>The event a webhook receives. A webhook created without one receives all events.</summary>
public enum WebhookEventType
{
    /// <summary>A public or own plugin was tested (<c>test_finished</c>).</summary>
    TestFinished = 0,

    /// <summary>A plugin was tested for the first time (<c>first_test_finished</c>).</summary>
    FirstTestFinished = 1,
}

namespace WunderUpdates.Client;

/// <summary>What <see cref="IWunderUpdatesClient.GetAccountAsync"/> returns: the account and its products.</summary>
public sealed class AccountDetails
{
    /// <summary>The account: prefix and activation usage.</summary>
    public required Account Account { get; init; }

    /// <summary>The account's themes and plugins.</summary>
    public required AccountProducts Products { get; init; }
}

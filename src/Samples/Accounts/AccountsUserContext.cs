namespace GraphBff.Samples.Accounts;

/// <summary>Per-request GraphQL user context carrying the caller's id from the <c>x-user-id</c> header.</summary>
internal sealed class AccountsUserContext(string? userId) : Dictionary<string, object?>
{
    public const string UserIdHeader = "x-user-id";

    public string? UserId { get; } = userId;
}

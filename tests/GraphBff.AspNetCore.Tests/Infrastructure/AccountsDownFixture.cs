namespace GraphBff.AspNetCore.Tests.Infrastructure;

/// <summary>The gateway with the accounts upstream unreachable (its schema comes from the committed file).</summary>
public sealed class AccountsDownFixture : GatewayFixture
{
    protected override bool AccountsDown => true;
}

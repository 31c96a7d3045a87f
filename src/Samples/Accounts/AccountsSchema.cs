using GraphQL.Types;

namespace GraphBff.Samples.Accounts;

internal sealed class AccountsSchema : Schema
{
    public AccountsSchema()
    {
        Query = new QueryGraphType();
        Subscription = new SubscriptionGraphType();
    }
}

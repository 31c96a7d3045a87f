using GraphQL.Types;

namespace GraphBff.Samples.Accounts;

/// <summary><c>type Subscription { userUpdated: User }</c></summary>
internal sealed class SubscriptionGraphType : ObjectGraphType
{
    public SubscriptionGraphType()
    {
        Name = "Subscription";

        Field<UserGraphType, User>("userUpdated")
            .Resolve(context => context.Source as User)
            .ResolveStream(_ => new UserUpdateStream());
    }
}

using GraphQL;
using GraphQL.Types;

namespace GraphBff.Samples.Accounts;

/// <summary>
/// <c>type Query { user(id: ID!): User  usersByIds(ids: [ID!]!): [User]!  me: User }</c>
/// </summary>
internal sealed class QueryGraphType : ObjectGraphType
{
    public QueryGraphType()
    {
        Name = "Query";

        Field<UserGraphType, User>("user")
            .Argument<NonNullGraphType<IdGraphType>>("id")
            .Resolve(context => UserStore.Find(context.GetArgument<string>("id")));

        Field<NonNullGraphType<ListGraphType<UserGraphType>>, User?[]>("usersByIds")
            .Argument<NonNullGraphType<ListGraphType<NonNullGraphType<IdGraphType>>>>("ids")
            .Resolve(context =>
            {
                var ids = context.GetArgument<string[]>("ids");
                var users = new User?[ids.Length];
                for (var i = 0; i < ids.Length; i++)
                {
                    users[i] = UserStore.Find(ids[i]);
                }

                return users;
            });

        Field<UserGraphType, User>("me")
            .Resolve(context => UserStore.Find((context.UserContext as AccountsUserContext)?.UserId));
    }
}

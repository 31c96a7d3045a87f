using GraphQL.Types;

namespace GraphBff.Samples.Accounts;

/// <summary><c>type User { id: ID! name: String! email: String! company: String role: String! }</c></summary>
internal sealed class UserGraphType : ObjectGraphType<User>
{
    public UserGraphType()
    {
        Name = "User";
        Field<NonNullGraphType<IdGraphType>, string>("id").Resolve(context => context.Source.Id);
        Field<NonNullGraphType<StringGraphType>, string>("name").Resolve(context => context.Source.Name);
        Field<NonNullGraphType<StringGraphType>, string>("email").Resolve(context => context.Source.Email);
        Field<StringGraphType, string>("company").Resolve(context => context.Source.Company);
        Field<NonNullGraphType<StringGraphType>, string>("role").Resolve(context => context.Source.Role);
    }
}

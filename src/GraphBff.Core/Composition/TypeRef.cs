using System.Text;
using GraphQLParser.AST;

namespace GraphBff.Composition;

/// <summary>A field, argument or variable type: a named type wrapped in lists and non-null markers.</summary>
internal sealed class TypeRef : IEquatable<TypeRef>
{
    private TypeRef(string? name, TypeRef? itemType, bool nonNull)
    {
        Name = name;
        ItemType = itemType;
        NonNull = nonNull;
    }

    public string? Name { get; }

    public TypeRef? ItemType { get; }

    public bool NonNull { get; }

    public bool IsList => ItemType is not null;

    public string NamedType => Name ?? ItemType!.NamedType;

    /// <summary>The same type without its outer non-null marker.</summary>
    public TypeRef Nullable => NonNull ? new TypeRef(Name, ItemType, false) : this;

    public static TypeRef Named(string name, bool nonNull = false) => new(name, null, nonNull);

    public static TypeRef ListOf(TypeRef item, bool nonNull = false) => new(null, item, nonNull);

    public static TypeRef From(GraphQLType type) => type switch
    {
        GraphQLNonNullType nn => From(nn.Type) switch
        {
            { IsList: true } inner => ListOf(inner.ItemType!, true),
            var inner => Named(inner.Name!, true),
        },
        GraphQLListType list => ListOf(From(list.Type)),
        GraphQLNamedType named => Named(named.Name.StringValue),
        _ => throw new ArgumentOutOfRangeException(nameof(type)),
    };

    public bool Equals(TypeRef? other) =>
        other is not null && NonNull == other.NonNull && Name == other.Name &&
        (ItemType is null ? other.ItemType is null : ItemType.Equals(other.ItemType));

    public override bool Equals(object? obj) => Equals(obj as TypeRef);

    public override int GetHashCode() => HashCode.Combine(Name, ItemType, NonNull);

    public override string ToString()
    {
        var sb = new StringBuilder();
        Append(sb);
        return sb.ToString();
    }

    public void Append(StringBuilder sb)
    {
        if (ItemType is not null)
        {
            sb.Append('[');
            ItemType.Append(sb);
            sb.Append(']');
        }
        else
        {
            sb.Append(Name);
        }

        if (NonNull)
        {
            sb.Append('!');
        }
    }
}

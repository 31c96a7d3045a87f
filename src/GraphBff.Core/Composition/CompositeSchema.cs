using GraphQL.Types;

namespace GraphBff.Composition;

/// <summary>The composed graph: its types with how each field is fetched, the public SDL, and GraphQL.NET's schema of it.</summary>
internal sealed class CompositeSchema
{
    public CompositeSchema(
        IReadOnlyDictionary<string, CompositeType> types,
        IReadOnlyDictionary<string, SourceKind> sources,
        string publicSdl)
    {
        Types = types;
        Sources = sources;
        PublicSdl = publicSdl;
        Schema = BuildExecutableSchema(publicSdl, types);
    }

    public IReadOnlyDictionary<string, CompositeType> Types { get; }

    public IReadOnlyDictionary<string, SourceKind> Sources { get; }

    /// <summary>The composed public schema, as committed in <c>schema/gateway.graphql</c>.</summary>
    public string PublicSdl { get; }

    /// <summary>GraphQL.NET's schema of the public graph: validation and introspection run against it.</summary>
    public ISchema Schema { get; }

    public CompositeType Query => Types["Query"];

    public CompositeType? Mutation => Types.GetValueOrDefault("Mutation");

    public CompositeType? Subscription => Types.GetValueOrDefault("Subscription");

    public CompositeType GetType(string name) => Types[name];

    private ISchema BuildExecutableSchema(string sdl, IReadOnlyDictionary<string, CompositeType> types)
    {
        GraphQL.Types.Schema schema = GraphQL.Types.Schema.For(sdl, builder =>
        {
            // Subscriptions stream through the gateway's own transports; GraphQL.NET only needs to know they stream.
            if (types.TryGetValue("Subscription", out var subscription))
            {
                foreach (var field in subscription.Fields)
                {
                    if (!field.Hidden)
                    {
                        builder.Types.For("Subscription").FieldFor(field.Name).StreamResolver =
                            new GraphQL.Resolvers.SourceStreamResolver<object?>(static _ => EmptyStream.Instance);
                    }
                }
            }

            foreach (var type in types.Values)
            {
                if (type.Kind == TypeKind.Scalar && type.Name is not ("String" or "Int" or "Float" or "Boolean" or "ID"))
                {
                    builder.Types.Include(type.Name, typeof(object));
                }
                else if (type.Kind is TypeKind.Interface or TypeKind.Union)
                {
                    // GraphQL.NET insists on type resolution; the gateway's own writer picks types by __typename.
                    builder.Types.For(type.Name).ResolveType = static _ =>
                        throw new InvalidOperationException("The gateway's data never runs through GraphQL.NET's executor.");
                }
            }
        });
        foreach (var type in types.Values)
        {
            if (type.Kind == TypeKind.Scalar && type.Name is not ("String" or "Int" or "Float" or "Boolean" or "ID"))
            {
                schema.RegisterType(new PassThroughScalarGraphType(type.Name) { Description = type.Description });
            }
        }

        schema.Filter = new Authorization.AuthorizationSchemaFilter(this);
        schema.Initialize();
        return schema;
    }
}

using GraphBff.Composition;

namespace GraphBff.Core.Tests.Composition;

public sealed class SchemaComposerTests
{
    private static SourceSchema Source(string name, SourceKind kind, string sdl) => new(name, kind, sdl, $"schema/sources/{name}.graphql");

    private static CompositeSchema ComposeRepositorySchema()
    {
        var dir = RepositoryPaths.SchemaDirectory;
        var sources = new[]
        {
            new SourceSchema("accounts", SourceKind.GraphQL, File.ReadAllText(Path.Combine(dir, "sources", "accounts.graphql")), "schema/sources/accounts.graphql"),
            new SourceSchema("content", SourceKind.Rest, File.ReadAllText(Path.Combine(dir, "sources", "content.graphql")), "schema/sources/content.graphql"),
        };
        var extensions = Directory.GetFiles(Path.Combine(dir, "extensions"), "*.graphql").Order(StringComparer.Ordinal)
            .Select(static f => new SchemaFile(f, File.ReadAllText(f))).ToList();
        return SchemaComposer.Compose(sources, extensions);
    }

    [Fact]
    public void Composed_schema_matches_committed_gateway_graphql()
    {
        var composed = ComposeRepositorySchema().PublicSdl;
        var path = Path.Combine(RepositoryPaths.SchemaDirectory, "gateway.graphql");
        if (Environment.GetEnvironmentVariable("GRAPHBFF_UPDATE_SCHEMA") == "1")
        {
            File.WriteAllText(path, composed);
        }

        Assert.True(File.Exists(path), "schema/gateway.graphql is missing; run with GRAPHBFF_UPDATE_SCHEMA=1 to write it.");
        Assert.Equal(File.ReadAllText(path).ReplaceLineEndings("\n"), composed);
    }

    [Fact]
    public void Demo_graph_is_the_scenario_graph()
    {
        var schema = ComposeRepositorySchema();
        string Fields(string type) => string.Join(" ", schema.GetType(type).Fields.Where(static f => !f.Hidden).Select(static f => f.Name).Order());
        Assert.Equal("me post posts user", Fields("Query"));
        Assert.Equal("author body comments createdAt id title", Fields("Post"));
        Assert.Equal("author id text", Fields("Comment"));
        Assert.Equal("company email id name posts role", Fields("User"));
        Assert.Equal("userUpdated", Fields("Subscription"));
        Assert.IsType<GraphQLDelegateResolver>(schema.GetType("Post").FindField("author")!.Resolver);
        Assert.IsType<HttpResolver>(schema.GetType("User").FindField("posts")!.Resolver);
    }

    [Fact]
    public void Type_defined_differently_by_two_sources_names_both_files_and_the_field()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [
                Source("a", SourceKind.GraphQL, "type User { id: ID! name: String } type Query { a: User }"),
                Source("b", SourceKind.GraphQL, "type User { id: ID! name: Int } type Query { b: User }"),
            ],
            []));
        Assert.Contains("Type 'User' is defined differently by schema/sources/a.graphql and schema/sources/b.graphql", ex.Message);
        Assert.Contains("field 'name' is String in one and Int in the other", ex.Message);
    }

    [Fact]
    public void Http_template_naming_a_missing_argument_fails_with_the_field()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [Source("content", SourceKind.Rest, "type Post { id: ID! } type Query { post(id: ID!): Post @http(path: \"/posts/{$arguments:postId}\") }")],
            []));
        Assert.Contains("schema/sources/content.graphql: Query.post", ex.Message);
        Assert.Contains("names argument 'postId', which Query.post does not have", ex.Message);
    }

    [Fact]
    public void Delegate_to_unknown_source_fails_with_the_file_and_field()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [Source("content", SourceKind.Rest, "type Post { id: ID! authorId: ID! } type Query { post(id: ID!): Post @http(path: \"/posts/{$arguments:id}\") }")],
            [new SchemaFile("schema/extensions/joins.graphql", "extend type Post { author: String @delegate(source: \"people\", path: \"user(id: $fields:authorId)\") }")]));
        Assert.Contains("schema/extensions/joins.graphql: Post.author: @delegate names source 'people', which is not configured", ex.Message);
    }

    [Fact]
    public void Same_root_field_from_two_sources_is_reported()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [
                Source("a", SourceKind.GraphQL, "type Query { hello: String }"),
                Source("b", SourceKind.GraphQL, "type Query { hello: String }"),
            ],
            []));
        Assert.Contains("Query.hello is defined by both schema/sources/a.graphql and schema/sources/b.graphql", ex.Message);
    }

    [Fact]
    public void Syntax_error_names_file_line_and_column()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [Source("a", SourceKind.GraphQL, "type Query {\n  hello: \n}")],
            []));
        Assert.Contains("schema/sources/a.graphql:3:1", ex.Message);
    }

    [Fact]
    public void Field_missing_a_type_is_reported()
    {
        var ex = Assert.Throws<GraphBffConfigurationException>(() => SchemaComposer.Compose(
            [Source("a", SourceKind.GraphQL, "type Query { hello: Greeting }")],
            []));
        Assert.Contains("Query.hello has type 'Greeting', which no source or extension defines", ex.Message);
    }
}

namespace GraphBff.Planning;

/// <summary>All root fields of one GraphQL source in an operation: one upstream document, sent as the client wrote it.</summary>
internal sealed class GraphQLRootFetch(int id, string source)
    : FetchNode(id, source, null)
{
    public string Document { get; set; } = "";

    /// <summary>The client variables the document declares; their values are forwarded.</summary>
    public string[] Variables { get; set; } = [];
}

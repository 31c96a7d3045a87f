namespace GraphBff.Planning;

/// <summary>
/// One upstream call of a plan (batched over all the parents it serves). A node runs when its parent node's result
/// is in, and its children run when it is done: the plan's waves.
/// </summary>
internal abstract class FetchNode
{
    protected FetchNode(int id, string source, FetchNode? parent)
    {
        Id = id;
        Source = source;
        Parent = parent;
    }

    public int Id { get; }

    public string Source { get; }

    public FetchNode? Parent { get; }

    public List<FetchNode> Children { get; } = [];
}

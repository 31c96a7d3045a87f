namespace GraphBff.Execution;

/// <summary>A step of a response path: a response key, or a list index when <see cref="Key"/> is null.</summary>
internal readonly record struct PathSegment(string? Key, int Index)
{
    public object Value => Key is null ? Index : Key;

    public bool Matches(object upstream) => Key is null ? upstream is int i && i == Index : upstream is string s && s == Key;
}

namespace GraphBff.Planning;

/// <summary>How a leaf value from upstream is coerced before it is written.</summary>
internal enum LeafKind
{
    None,
    String,
    Int,
    Float,
    Boolean,
    Id,
    Enum,
    Custom,
}

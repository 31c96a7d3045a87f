namespace GraphBff.Core.Tests.Differential;

/// <summary>What the oracle's own answer must look like, so that a case cannot pass by both sides failing the same way.</summary>
public enum OracleExpectation
{
    /// <summary>Data and no errors.</summary>
    Data,

    /// <summary>Executed (a <c>data</c> member, possibly null) with at least one field error.</summary>
    FieldErrors,

    /// <summary>Not executed: request errors only, no <c>data</c> member.</summary>
    RequestErrors,
}

/// <summary>One query sent to both the gateway and the oracle.</summary>
public sealed record DifferentialCase(
    string Name,
    string Query,
    string? Variables = null,
    OracleExpectation Expect = OracleExpectation.Data,
    string? OperationName = null);

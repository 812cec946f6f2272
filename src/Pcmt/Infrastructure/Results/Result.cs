using System.Diagnostics.CodeAnalysis;

namespace Pcmt.Infrastructure.Results;

/// <summary>Why a use case produced no value. Expected outcomes only; bugs throw.</summary>
public abstract record Failure
{
    public sealed record NotFound : Failure;

    public sealed record Forbidden : Failure;

    /// <summary>A duplicate or a stale edit (HTTP 409); <see cref="Extensions"/> carries e.g. the existing id.</summary>
    public sealed record Conflict(string Message, IReadOnlyDictionary<string, object?>? Extensions = null) : Failure;

    public sealed record Invalid(IDictionary<string, string[]> Errors) : Failure
    {
        public Invalid(string field, string message)
            : this(new Dictionary<string, string[]> { [field] = [message] })
        {
        }
    }
}

public readonly struct Result<T>
{
    private Result(T value) => Value = value;

    private Result(Failure failure) => Failure = failure;

    public T? Value { get; }

    public Failure? Failure { get; }

    [MemberNotNullWhen(true, nameof(Value)), MemberNotNullWhen(false, nameof(Failure))]
    public bool Succeeded => Failure is null;

    public static implicit operator Result<T>(T value) => new(value);

    public static implicit operator Result<T>(Failure failure) => new(failure);
}

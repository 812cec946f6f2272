namespace Pcmt.Features.Population;

/// <summary>A citizen as the national population database knows them: the fields PCMT compares.</summary>
public sealed record NationalCitizen(string CitizenId, string FullName, string DateOfBirth, string Sex);

/// <summary>What the national database answered: found (with the record), not found, or unreachable within the timeout.</summary>
public abstract record GatewayAnswer
{
    public sealed record Found(NationalCitizen Citizen) : GatewayAnswer;

    public sealed record NotFound : GatewayAnswer;

    public sealed record Unavailable(string Reason) : GatewayAnswer;
}

/// <summary>The one connector to the Cơ sở dữ liệu quốc gia về dân cư; <c>Population:Provider</c> chooses the implementation.</summary>
public interface IPopulationGateway
{
    /// <summary>Looks a citizen up by their 12-digit personal identification number. Never throws for an unreachable gateway.</summary>
    Task<GatewayAnswer> LookupAsync(string citizenId, CancellationToken cancellationToken);
}

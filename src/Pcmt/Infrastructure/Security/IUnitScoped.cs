namespace Pcmt.Infrastructure.Security;

/// <summary>Data that belongs to one commune of one province; the "UnitScope" query filter applies to it automatically.</summary>
public interface IUnitScoped
{
    string ProvinceCode { get; }

    string CommuneCode { get; }
}

namespace Pcmt.Features.Persons;

/// <summary>Giới tính as recorded on the citizen ID (the century/sex digit encodes it).</summary>
public enum Sex
{
    Male,
    Female,
}

namespace Scoring.Host.Domain;

internal enum GroupRole
{
    Member,
    Head,
    Deputy,
}

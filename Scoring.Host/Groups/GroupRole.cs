namespace Scoring.Host.Groups;

internal enum GroupRole
{
    Member,
    Head,
    Deputy,
}

namespace Scoring.Rules.Versions;

public enum DiffLanguage
{
    Vietnamese,
    English,
}

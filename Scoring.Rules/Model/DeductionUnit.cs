namespace Scoring.Rules.Model;

public enum DeductionUnit
{
    Day,
    Week,
}

-- 0012: what an importer (Excel scoring table, Microsoft RulesEngine workflow) could not carry into a draft, kept with the
-- draft so the workbench shows those rows beside it until the maintainer has finished them. JSON; NULL for a draft made
-- from another version.
ALTER TABLE rule_set_drafts ADD COLUMN import_report TEXT NULL;

-- A rule of a DMN decision table keeps its annotation (or description) with its place in the version, so that an
-- explanation shows the words its author wrote beside it; workbook and DRL rules have none.
ALTER TABLE rule_set_rules ADD COLUMN rule_text VARCHAR(1000) NULL;
-- a DMN rule's "sheet" is its decision, whose name may be longer than a workbook's sheet name (31 characters)
ALTER TABLE rule_set_rules MODIFY COLUMN sheet VARCHAR(255) NULL;

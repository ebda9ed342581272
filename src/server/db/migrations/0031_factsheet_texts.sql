-- What the fact sheet says beside its figures (issue 16, "The fact sheet"):
-- - an awarding body's name in Chinese and French, as the office writes it in each language
--   (法兰西共和国政府, gouvernement de la République française), beside its name at the time;
-- - a programme's standing, in each language ("an important cooperative programme of the
--   Chinese and French governments"): a fact about the programme, kept on its record;
-- - the closing paragraph, the office's own text in each language: what the exchanges brought
--   the school. {school} is the school's name, {figure.key} a figure, written live.
ALTER TABLE honours ADD COLUMN awarding_body_zh text, ADD COLUMN awarding_body_fr text;
ALTER TABLE programmes ADD COLUMN standing_en text, ADD COLUMN standing_zh text, ADD COLUMN standing_fr text;
INSERT INTO settings (key, value) VALUES ('factsheet.closing', '{
  "en": "International exchanges have helped {school} to expand its international influence, enhance the academic competence of its staff and faculty, promote the development of disciplines, and raise the level of medical services, teaching, research and management.",
  "zh": "国际交流扩大了{school}的国际影响，提高了教职员工的学术水平，促进了学科发展，提升了医疗、教学、科研和管理水平。",
  "fr": "Les échanges internationaux ont aidé {school} à accroître son rayonnement international, à renforcer les compétences académiques de son personnel et de ses enseignants, à favoriser le développement des disciplines et à élever le niveau des soins, de l’enseignement, de la recherche et de la gestion."
}');

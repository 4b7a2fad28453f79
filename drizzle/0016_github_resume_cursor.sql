ALTER TABLE `github_repositories` ADD `resume_cursor` text;--> statement-breakpoint
-- A sync interrupted while it paged the REST list kept a page number, which means nothing to the GraphQL
-- cursor: it starts again from the newest pull request (storing a pull request twice replaces it).
UPDATE `github_repositories` SET `resume_page` = NULL, `resume_target` = NULL;

-- rename domain public.old_dom to new_dom
ALTER DOMAIN public.old_dom RENAME TO new_dom;

-- alter domain public.new_dom: rename check old_dom_check to new_dom_check
ALTER DOMAIN public.new_dom RENAME CONSTRAINT old_dom_check TO new_dom_check;
